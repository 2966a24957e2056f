import { useState } from 'react';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Patrol } from '@shared/patrol-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { listPatrolRecords } from '../api/patrol.api';

/** The patrols of the statistics' period and place, newest first, with their notes. */
export function PatrolRecordsTable({ filters }: { filters: { from: string; to: string; countyId?: number; schoolId?: number } }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, error, loading, reload } = useApi(
    (signal) => listPatrolRecords({ ...filters, ...paging }, signal),
    [JSON.stringify(filters), paging.page, paging.pageSize],
  );
  return (
    <>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <Table<Patrol>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('patrol.stats.empty') }}
        pagination={{
          current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('patrol.stats.day'), dataIndex: 'patrolDay', width: 110 },
          { title: t('patrol.school'), dataIndex: 'schoolName', width: 200 },
          { title: t('patrol.stats.teacher'), dataIndex: 'teacherName', width: 100, render: (name: string) => name || t('patrol.teacherUnknown') },
          { title: t('patrol.stats.subject'), dataIndex: 'subject', width: 80 },
          { title: t('patrol.stats.patroller'), dataIndex: 'patrollerName', width: 100 },
          { title: t('patrol.lesson.score'), dataIndex: 'score', width: 70, align: 'right' },
          { title: t('patrol.stats.note'), dataIndex: 'note', render: (note: string) => <Typography.Text ellipsis={{ tooltip: note }}>{note}</Typography.Text> },
        ]}
      />
    </>
  );
}
