import { useState } from 'react';
import { Button, Flex, InputNumber, Modal, Popconfirm, QRCode, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BindingCode } from '@shared/family-binding-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatInstant } from '../../../app/time';
import { classCodes, createCode, revokeCode } from '../api/family-classes.api';
import { useAction } from './use-action';

const STATE_COLOR = { active: 'green', expired: 'default', revoked: 'red', used_up: 'orange' } as const;

/** The family app's bind page for a code, as a full address: what the class QR code holds. */
export const bindAddress = (code: BindingCode) => `${window.location.origin}${code.url}`;

/**
 * A class's invitation codes: issue one (days it runs, families it may bind), show it with its
 * class QR code for the parents' group or the classroom door, revoke one shared too widely.
 */
export function CodesTab({ classId, className }: { classId: number; className: string }) {
  const { t } = useTranslation();
  const action = useAction();
  const codes = useApi((signal) => classCodes(classId, signal), [classId]);
  const [days, setDays] = useState(14);
  const [maxUses, setMaxUses] = useState(60);
  const [shown, setShown] = useState<BindingCode | null>(null);

  async function issue() {
    let made: BindingCode | null = null;
    await action(async () => { made = await createCode(classId, { days, maxUses }); }, t('familyClasses.codes.created'), codes.reload);
    if (made) setShown(made);
  }

  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <span>{t('familyClasses.codes.days')}</span>
        <InputNumber min={1} max={60} value={days} onChange={(v) => setDays(v ?? 14)} data-testid="binding-code-days" />
        <span>{t('familyClasses.codes.maxUses')}</span>
        <InputNumber min={1} max={200} value={maxUses} onChange={(v) => setMaxUses(v ?? 60)} />
        <Button type="primary" onClick={issue} data-testid="binding-code-create">{t('familyClasses.codes.create')}</Button>
      </Flex>
      {codes.error ? <ErrorAlert error={codes.error} onRetry={codes.reload} /> : null}
      <Table<BindingCode>
        rowKey="id"
        size="small"
        loading={codes.loading}
        dataSource={codes.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('familyClasses.codes.empty') }}
        columns={[
          { title: t('familyClasses.codes.code'), dataIndex: 'code', render: (v: string) => <Typography.Text code copyable>{v}</Typography.Text> },
          { title: t('familyClasses.codes.state'), dataIndex: 'state', render: (v: BindingCode['state']) => <Tag color={STATE_COLOR[v]}>{t(`familyClasses.codes.states.${v}`)}</Tag> },
          { title: t('familyClasses.codes.used'), render: (_: unknown, c) => `${c.uses} / ${c.maxUses}` },
          { title: t('familyClasses.codes.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => formatInstant(v) },
          { title: t('familyClasses.codes.by'), dataIndex: 'createdByName' },
          {
            title: t('familyClasses.actions'), key: 'actions', width: 200,
            render: (_: unknown, c) => (
              <Flex gap={8}>
                <Button size="small" onClick={() => setShown(c)} disabled={c.state !== 'active'}>{t('familyClasses.codes.qr')}</Button>
                {c.state !== 'revoked' ? (
                  <Popconfirm title={t('familyClasses.codes.revokeConfirm')} onConfirm={() => action(() => revokeCode(c.id), t('familyClasses.codes.revoked'), codes.reload)}>
                    <Button size="small" danger data-testid={`binding-code-revoke-${c.id}`}>{t('familyClasses.codes.revoke')}</Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      <Modal open={shown !== null} footer={null} onCancel={() => setShown(null)} title={t('familyClasses.codes.qrTitle', { className })} destroyOnHidden>
        {shown ? (
          <Flex vertical align="center" gap={12} data-testid="binding-qr">
            <QRCode value={bindAddress(shown)} size={220} />
            <Typography.Title level={3} style={{ margin: 0, letterSpacing: 4 }} copyable>{shown.code}</Typography.Title>
            <Typography.Text type="secondary">{t('familyClasses.codes.qrNote', { at: formatInstant(shown.expiresAt) })}</Typography.Text>
            <Typography.Text copyable style={{ fontSize: 12 }}>{bindAddress(shown)}</Typography.Text>
          </Flex>
        ) : null}
      </Modal>
    </>
  );
}
