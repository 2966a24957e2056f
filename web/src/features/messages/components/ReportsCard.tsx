import { useState } from 'react';
import { Button, Card, Flex, Input, Modal, Segmented, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MessageReport } from '@shared/messages-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatInstant } from '../../../app/time';
import { dismissReport, hideReported, reports } from '../api/messages.api';

/**
 * The principal's reports of the school's messages: the reported message only (never the rest of
 * the conversation); hide it for a reason (kept in the audit) or dismiss the report.
 */
export function ReportsCard() {
  const { t } = useTranslation();
  const [state, setState] = useState<'open' | 'handled' | 'all'>('open');
  const list = useApi((signal) => reports(state, signal), [state]);
  const [hiding, setHiding] = useState<MessageReport | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);

  async function act(run: () => Promise<unknown>) {
    setError(undefined);
    try {
      await run();
      setHiding(null);
      setReason('');
      list.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Card title={t('messages.reportsTitle')} variant="borderless">
      <Flex vertical gap={12}>
        <Segmented value={state} onChange={(v) => setState(v as typeof state)}
          options={(['open', 'handled', 'all'] as const).map((s) => ({ value: s, label: t(`messages.reportState.${s}` as const) }))} />
        {list.error || error ? <ErrorAlert error={list.error ?? error} onRetry={list.reload} /> : null}
        <Table<MessageReport>
          rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} pagination={false}
          columns={[
            { title: t('messages.col.label'), dataIndex: 'label' },
            { title: t('messages.col.sender'), render: (_, r) => r.sender.name },
            { title: t('messages.col.body'), render: (_, r) => (r.messageHidden ? <Tag>{t('messages.hiddenTag')}</Tag> : null) },
            { title: t('messages.col.original'), dataIndex: 'body' },
            { title: t('messages.col.reason'), render: (_, r) => `${r.reason}（${r.reporter.name}）` },
            { title: t('messages.col.at'), render: (_, r) => formatInstant(r.createdAt) },
            { title: t('messages.col.state'), render: (_, r) => <Tag>{t(`messages.reportState.${r.state}`)}</Tag> },
            {
              title: '', render: (_, r) => (r.state === 'open' ? (
                <Flex gap={4}>
                  <Button size="small" danger onClick={() => setHiding(r)}>{t('messages.hide')}</Button>
                  <Button size="small" onClick={() => void act(() => dismissReport(r.id))}>{t('messages.dismiss')}</Button>
                </Flex>
              ) : r.handledNote),
            },
          ]}
        />
      </Flex>
      <Modal open={hiding !== null} title={t('messages.hideTitle')} okText={t('messages.hide')} okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onOk={() => hiding && void act(() => hideReported(hiding.id, reason))} onCancel={() => setHiding(null)}>
        <Input.TextArea value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} placeholder={t('messages.hideReason')} />
      </Modal>
    </Card>
  );
}
