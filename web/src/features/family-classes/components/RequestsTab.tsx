import { useState } from 'react';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BindingClassRequest } from '@shared/family-binding-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatInstant } from '../../../app/time';
import { classRequests, confirmRequest, rejectRequest } from '../api/family-classes.api';
import { ReasonModal } from './ReasonModal';
import { useAction } from './use-action';

const STATUS_COLOR = { pending: 'orange', confirmed: 'green', rejected: 'default' } as const;

/** A class's binding requests, pending first: the class's staff confirm or reject (with a reason). */
export function RequestsTab({ classId, onChanged }: { classId: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const requests = useApi((signal) => classRequests(classId, signal), [classId]);
  const [rejecting, setRejecting] = useState<BindingClassRequest | null>(null);
  const reload = () => { requests.reload(); onChanged(); };

  return (
    <>
      {requests.error ? <ErrorAlert error={requests.error} onRetry={requests.reload} /> : null}
      <Table<BindingClassRequest>
        rowKey="id"
        size="small"
        loading={requests.loading}
        dataSource={requests.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('familyClasses.requests.empty') }}
        columns={[
          { title: t('familyClasses.requests.child'), dataIndex: 'label' },
          { title: t('familyClasses.requests.guardian'), render: (_: unknown, r) => `${r.guardianName}（${r.relation}）` },
          { title: t('familyClasses.requests.at'), dataIndex: 'createdAt', render: (v: string) => formatInstant(v), width: 150 },
          {
            title: t('familyClasses.requests.status'), dataIndex: 'status', width: 200,
            render: (_: unknown, r) => (
              <Flex vertical gap={2}>
                <Tag color={STATUS_COLOR[r.status]}>{t(`familyClasses.status.${r.status}`)}</Tag>
                {r.decidedByName ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.decidedByName} {formatInstant(r.decidedAt)}</Typography.Text> : null}
                {r.reason ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.reason}</Typography.Text> : null}
              </Flex>
            ),
          },
          {
            title: t('familyClasses.actions'), key: 'actions', width: 180,
            render: (_: unknown, r) => (r.status === 'pending' ? (
              <Flex gap={8}>
                <Button size="small" type="primary" data-testid={`binding-confirm-${r.id}`}
                  onClick={() => action(() => confirmRequest(r.id), t('familyClasses.requests.confirmed', { label: r.label }), reload)}>
                  {t('familyClasses.requests.confirm')}
                </Button>
                <Button size="small" danger onClick={() => setRejecting(r)} data-testid={`binding-reject-${r.id}`}>{t('familyClasses.requests.reject')}</Button>
              </Flex>
            ) : null),
          },
        ]}
      />
      {rejecting ? (
        <ReasonModal
          title={t('familyClasses.requests.rejectTitle', { label: rejecting.label, name: rejecting.guardianName })}
          note={t('familyClasses.requests.rejectNote')}
          onCancel={() => setRejecting(null)}
          onOk={async (reason) => {
            if (await action(() => rejectRequest(rejecting.id, reason), t('familyClasses.requests.rejected'), reload)) setRejecting(null);
          }}
        />
      ) : null}
    </>
  );
}
