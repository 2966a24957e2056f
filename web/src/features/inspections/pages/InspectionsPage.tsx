import { useState } from 'react';
import { Button, Card, Flex, Grid, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { InspectionFilters, InspectionSummary } from '@shared/supervision-api-types';
import { can } from '../../../app/access';
import { useAsOfDay } from '../../../app/as-of';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { CountySchoolFilters, FilterBar } from '../../../app/list/filter-bar';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readInt } from '../../../app/search-params';
import { listInspections } from '../api/inspections.api';
import { RatingTag } from '../components/inspection-tags';
import { InspectionFormModal } from '../components/InspectionFormModal';
import { InspectionsTabs } from '../components/InspectionsTabs';

function readFilters(params: URLSearchParams): Omit<InspectionFilters, 'asOf'> {
  return { countyId: readInt(params, 'countyId'), schoolId: readInt(params, 'schoolId') };
}

const NOTHING_YET = { items: [], total: 0, page: 1, pageSize: 20 };

/** Supervision visits in scope, newest first, with their follow-ups still open or overdue. */
export default function InspectionsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md !== false;
  const asOf = useAsOfDay();
  const [creating, setCreating] = useState(false);
  // The day overdue counts are judged on is a filter too, so the list loads again once it is known.
  const { params, patch, pagination, data, error, loading, reload } = usePagedList({
    readFilters: (params) => ({ ...readFilters(params), asOf }),
    load: (query, signal) => (query.asOf ? listInspections(query, signal) : Promise.resolve(NOTHING_YET)),
  });
  const filters = readFilters(params);

  return (
    <>
      <PageHeader
        title={t('inspections.title')}
        note={asOf ? t('inspections.asOf', { day: asOf }) : undefined}
        extra={can(me, 'inspection:write') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-inspection">{t('inspections.create')}</Button>
        ) : null}
      />
      <InspectionsTabs active="visits" />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <FilterBar filters={filters} onChange={patch}>
          <CountySchoolFilters filters={filters} onChange={patch} countyLabel={t('inspections.county')} schoolLabel={t('inspections.school')} hideSingleCounty />
        </FilterBar>
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<InspectionSummary>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          loading={loading || !asOf}
          dataSource={data?.items ?? []}
          scroll={wide ? { x: 900 } : undefined}
          onRow={(row) => ({ onClick: () => navigate(`/inspections/${row.id}`) })}
          pagination={pagination}
          locale={{ emptyText: t('inspections.empty') }}
          columns={[
            { title: t('inspections.visitedOn'), dataIndex: 'visitedOn', width: 110 },
            {
              title: t('inspections.school'),
              dataIndex: 'schoolName',
              render: (name: string, row) => (
                <Flex vertical>
                  <Link to={`/inspections/${row.id}`} onClick={(event) => event.stopPropagation()}>{name}</Link>
                  {wide ? null : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.countyName}</Typography.Text>}
                </Flex>
              ),
            },
            { title: t('inspections.county'), dataIndex: 'countyName', width: 100, responsive: ['md'] },
            { title: t('inspections.inspectors'), dataIndex: 'inspectors', width: 160, ellipsis: true, responsive: ['lg'] },
            { title: t('inspections.rating'), dataIndex: 'rating', width: 90, render: (rating: InspectionSummary['rating']) => <RatingTag rating={rating} /> },
            {
              title: t('inspections.followUps'),
              key: 'followUps',
              width: 170,
              render: (_, row) => (
                <Flex gap={4} wrap>
                  {row.followUps === 0 ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('common.none')}</span> : null}
                  {row.openFollowUps ? <Tag color="orange">{t('inspections.openCount', { count: row.openFollowUps })}</Tag> : null}
                  {row.overdueFollowUps ? <Tag color="red">{t('inspections.overdueCount', { count: row.overdueFollowUps })}</Tag> : null}
                  {row.followUps && !row.openFollowUps ? <Tag color="green">{t('inspections.allAnswered')}</Tag> : null}
                </Flex>
              ),
            },
            { title: t('inspections.createdBy'), dataIndex: 'createdByName', width: 100, responsive: ['lg'] },
          ]}
        />
      </Card>
      {creating ? (
        <InspectionFormModal schoolId={filters.schoolId} onClose={() => setCreating(false)} onSaved={(saved) => navigate(`/inspections/${saved.id}`)} />
      ) : null}
    </>
  );
}
