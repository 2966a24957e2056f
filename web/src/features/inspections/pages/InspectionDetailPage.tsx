import { Breadcrumb, Button, Card, Descriptions, Flex, Result, Table, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FollowUp, Inspection } from '@shared/supervision-api-types';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { useAsOfDay } from '../../../app/as-of';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { formatInstant } from '../../../app/time';
import { getInspection } from '../api/inspections.api';
import { FollowUpActions } from '../components/FollowUpActions';
import { FollowUpStatusTag, RatingTag } from '../components/inspection-tags';

/** One visit: what was checked and found, and each follow-up with the school's note and the inspectors' verdict. */
export default function InspectionDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const asOf = useAsOfDay();
  const visit = useApi((signal) => (asOf ? getInspection(id, asOf, signal) : new Promise<Inspection>(() => {})), [id, asOf]);

  if (!Number.isInteger(id) || (visit.error instanceof ApiError && visit.error.status === 404)) {
    return (
      <Result status="404" title={t('status.notFoundTitle')} subTitle={t('errors.NOT_FOUND')}
        extra={<Link to="/inspections"><Button type="primary">{t('common.back')}</Button></Link>} />
    );
  }
  if (visit.error) return <ErrorAlert error={visit.error} onRetry={visit.reload} />;
  const data = visit.data;
  if (!data) return <FullPageSpin height={320} />;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/inspections">{t('inspections.title')}</Link> }, { title: `${data.schoolName} ${data.visitedOn}` }]} />
      <Card variant="borderless">
        <Flex align="center" gap={8} wrap style={{ marginBottom: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('inspections.detailTitle', { school: data.schoolName })}</Typography.Title>
          <RatingTag rating={data.rating} />
        </Flex>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          size="small"
          items={[
            { key: 'school', label: t('inspections.school'), children: <Link to={`/schools/${data.schoolId}`}>{data.schoolName}</Link> },
            { key: 'county', label: t('inspections.county'), children: data.countyName },
            { key: 'day', label: t('inspections.visitedOn'), children: data.visitedOn },
            { key: 'inspectors', label: t('inspections.inspectors'), children: data.inspectors },
            { key: 'by', label: t('inspections.createdBy'), children: `${data.createdByName} · ${formatInstant(data.createdAt)}` },
            { key: 'findings', label: t('inspections.findings'), span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{data.findings || '—'}</span> },
          ]}
        />
      </Card>
      <Card variant="borderless" title={t('inspections.items')}>
        <Flex vertical gap={6}>
          {data.items.map((check) => (
            <Flex key={check.item} gap={8} align="baseline" data-testid={`checked-${check.item}`}>
              {check.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ExclamationCircleTwoTone twoToneColor="#fa8c16" />}
              <Typography.Text strong>{t(`inspections.itemNames.${check.item}`)}</Typography.Text>
              <Tag color={check.ok ? 'green' : 'orange'}>{check.ok ? t('inspections.itemOk') : t('inspections.itemIssue')}</Tag>
              {check.note ? <Typography.Text type="secondary">{check.note}</Typography.Text> : null}
            </Flex>
          ))}
        </Flex>
      </Card>
      <Card variant="borderless" title={t('inspections.followUps')}>
        <Table<FollowUp>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={data.followUpList}
          locale={{ emptyText: t('inspections.noFollowUps') }}
          columns={[
            { title: t('inspections.followUp'), dataIndex: 'description' },
            { title: t('inspections.dueOn'), dataIndex: 'dueOn', width: 110 },
            { title: t('inspections.status'), dataIndex: 'status', width: 170, render: (status: FollowUp['status'], row) => <FollowUpStatusTag status={status} overdue={row.overdue} /> },
            {
              title: t('inspections.rectificationNote'),
              key: 'note',
              responsive: ['md'],
              render: (_, row) => (
                <Flex vertical>
                  {row.rectificationNote ? <span data-testid={`note-${row.id}`}>{row.rectificationNote}</span> : <span style={{ color: 'rgba(0,0,0,0.45)' }}>—</span>}
                  {row.reviewComment ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('inspections.reviewShort', { comment: row.reviewComment })}</Typography.Text> : null}
                </Flex>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 190,
              render: (_, row) => <FollowUpActions followUp={row} canRectify={data.canRectify} canReview={data.canReview} onChanged={visit.reload} />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
