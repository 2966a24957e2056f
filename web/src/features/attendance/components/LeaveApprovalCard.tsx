import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Leave } from '@shared/attendance-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { classLeaves, decideLeave } from '../api/attendance.api';

/** 请假审批: a class's requests, pending first; approve or decline in one tap. */
export function LeaveApprovalCard({ classId }: { classId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const leaves = useApi((signal) => classLeaves(classId, signal), [classId]);
  const items = [...(leaves.data?.items ?? [])].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));

  async function decide(id: number, decision: 'approved' | 'declined') {
    try {
      await decideLeave(id, decision);
      leaves.reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <Card title={t('attendance.leaveTitle')}>
      {leaves.error ? <ErrorAlert error={leaves.error} onRetry={leaves.reload} /> : null}
      <Table size="small" rowKey="id" dataSource={items} pagination={{ pageSize: 20 }} columns={[
        { title: t('attendance.child'), dataIndex: 'label' },
        { title: t('attendance.dates'), key: 'dates', render: (_: unknown, r) => (r.from === r.to ? r.from : `${r.from} ~ ${r.to}`) },
        { title: t('attendance.part'), dataIndex: 'part', render: (v: Leave['part']) => t(`attendance.parts.${v}`) },
        { title: t('attendance.reason'), dataIndex: 'reason', render: (v: Leave['reason'], r) => `${t(`attendance.reasons.${v}`)}${r.note ? `：${r.note}` : ''}` },
        { title: t('attendance.status'), dataIndex: 'status', render: (v: Leave['status']) => <Tag>{t(`attendance.leaveStatuses.${v}`)}</Tag> },
        {
          key: 'act', render: (_: unknown, r) => (r.status === 'pending' ? (
            <Space>
              <Button size="small" type="primary" onClick={() => decide(r.id, 'approved')}>{t('attendance.approve')}</Button>
              <Button size="small" onClick={() => decide(r.id, 'declined')}>{t('attendance.decline')}</Button>
            </Space>
          ) : null),
        },
      ]} />
    </Card>
  );
}
