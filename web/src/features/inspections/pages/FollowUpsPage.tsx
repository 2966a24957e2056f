import { Card, Checkbox, Grid, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUp, FollowUpFilters } from '@shared/supervision-api-types';
import { useAsOfDay } from '../../../app/as-of';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { CountySchoolFilters, FilterBar } from '../../../app/list/filter-bar';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readBool, readEnum, readInt, readString } from '../../../app/search-params';
import { FOLLOW_UP_STATUSES, listFollowUps } from '../api/inspections.api';
import { FollowUpStatusTag } from '../components/inspection-tags';
import { InspectionsTabs } from '../components/InspectionsTabs';

function readFilters(params: URLSearchParams): Omit<FollowUpFilters, 'asOf'> {
  return {
    countyId: readInt(params, 'countyId'),
    schoolId: readInt(params, 'schoolId'),
    status: readEnum(params, 'status', FOLLOW_UP_STATUSES),
    overdue: readBool(params, 'overdue'),
  };
}

const NOTHING_YET = { items: [], total: 0, page: 1, pageSize: 20 };

/** The follow-ups of visits in scope, the soonest due first; "overdue only" is the list the bureau chases. */
export default function FollowUpsPage() {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md !== false;
  const defaultDay = useAsOfDay();
  // `?asOf=` in the URL wins; else the platform's as-of day, once known (the list waits for it).
  const { params, patch, pagination, data, error, loading, reload } = usePagedList({
    readFilters: (p): FollowUpFilters => ({ ...readFilters(p), asOf: readString(p, 'asOf') ?? defaultDay }),
    load: (query, signal) => (query.asOf ? listFollowUps(query, signal) : Promise.resolve(NOTHING_YET)),
  });
  const filters = readFilters(params);
  const asOf = readString(params, 'asOf') ?? defaultDay;

  return (
    <>
      <PageHeader title={t('inspections.title')} note={asOf ? t('inspections.asOf', { day: asOf }) : undefined} />
      <InspectionsTabs active="followUps" />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <FilterBar filters={filters} onChange={patch}>
          <CountySchoolFilters filters={filters} onChange={patch} countyLabel={t('inspections.county')} schoolLabel={t('inspections.school')} hideSingleCounty />
          <Select
            allowClear
            placeholder={t('inspections.status')}
            aria-label={t('inspections.status')}
            value={filters.status}
            onChange={(status?: string) => patch({ status })}
            options={FOLLOW_UP_STATUSES.map((status) => ({ value: status, label: t(`inspections.statuses.${status}`) }))}
            data-testid="filter-status"
          />
          <Checkbox checked={filters.overdue === true} onChange={(event) => patch({ overdue: event.target.checked ? true : undefined })} data-testid="filter-overdue">
            {t('inspections.overdueOnly')}
          </Checkbox>
        </FilterBar>
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<FollowUp>
          rowKey="id"
          size="middle"
          loading={loading || !asOf}
          dataSource={data?.items ?? []}
          scroll={wide ? { x: 900 } : undefined}
          pagination={pagination}
          locale={{ emptyText: t('inspections.noFollowUps') }}
          columns={[
            { title: t('inspections.dueOn'), dataIndex: 'dueOn', width: 110 },
            {
              title: t('inspections.followUp'),
              dataIndex: 'description',
              render: (text: string, row) => (
                <>
                  <Link to={`/inspections/${row.inspectionId}`}>{text}</Link>
                  {row.rectificationNote ? <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2 }}>{t('inspections.noteShort', { note: row.rectificationNote })}</Typography.Paragraph> : null}
                </>
              ),
            },
            { title: t('inspections.school'), dataIndex: 'schoolName', width: 180, ellipsis: true },
            { title: t('inspections.county'), dataIndex: 'countyName', width: 100, responsive: ['md'] },
            { title: t('inspections.visitedOn'), dataIndex: 'visitedOn', width: 110, responsive: ['lg'] },
            { title: t('inspections.status'), dataIndex: 'status', width: 170, render: (status: FollowUp['status'], row) => <FollowUpStatusTag status={status} overdue={row.overdue} /> },
          ]}
        />
      </Card>
    </>
  );
}
