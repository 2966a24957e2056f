import { Button, Card, Flex, Grid, Input, Select, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ActivityFilters, ActivitySummary } from '@shared/research-activities-types';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { CountySchoolFilters, FilterBar } from '../../../app/list/filter-bar';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readEnum, readInt, readString } from '../../../app/search-params';
import { SUBJECTS } from '../../recordings/components/subjects';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, countActivities, listActivities } from '../api/activities.api';
import { ActivityKindTag, ActivityLevelText, ActivityStatusTag } from '../components/activity-tags';
import { ResearchLinks } from '../components/ResearchLinks';

type View = 'mine' | 'supervised';

function readFilters(params: URLSearchParams): Omit<ActivityFilters, 'view'> {
  return {
    status: readEnum(params, 'status', ACTIVITY_STATUSES), kind: readEnum(params, 'kind', ACTIVITY_KINDS), subject: readString(params, 'subject'),
    countyId: readInt(params, 'countyId'), schoolId: readInt(params, 'schoolId'), q: readString(params, 'q'),
  };
}

/**
 * 在线教研: the activities the person takes part in, and (for those who supervise research — a
 * school, a county, the city) every activity they reach, with filters and the counts by status.
 */
export default function ResearchHomePage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md !== false;
  // Someone with a role other than teacher supervises research somewhere; a teacher only takes part.
  const supervises = me.assignments.some((a) => a.role !== 'teacher' && a.role !== 'parent');
  const { params, patch, pagination, data, error, loading, reload } = usePagedList({
    readFilters: (p) => ({ ...readFilters(p), view: readEnum<View>(p, 'view', ['mine', 'supervised']) ?? (supervises ? 'supervised' : 'mine') }),
    load: (query, signal) => listActivities(query, signal),
  });
  const view: View = readEnum<View>(params, 'view', ['mine', 'supervised']) ?? (supervises ? 'supervised' : 'mine');
  const filters = readFilters(params);
  const { status: _status, ...countFilters } = filters;
  const counts = useApi((signal) => countActivities({ ...countFilters, view }, signal), [JSON.stringify(countFilters), view]);

  return (
    <>
      <PageHeader
        title={t('researchActivities.title')}
        note={counts.data ? t('researchActivities.counts', { total: counts.data.total, ...counts.data.byStatus }) : undefined}
        extra={(
          <>
            <ResearchLinks />
            {can(me, 'research:write') ? (
              <Link to="/research/activities/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="create-activity">{t('researchActivities.create')}</Button>
              </Link>
            ) : null}
          </>
        )}
      />
      <Tabs
        activeKey={view}
        onChange={(key) => patch({ view: key })}
        items={[
          ...(supervises ? [{ key: 'supervised', label: t('researchActivities.tabs.supervised') }] : []),
          { key: 'mine', label: t('researchActivities.tabs.mine') },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <FilterBar filters={filters} onChange={patch}>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            placeholder={t('researchActivities.filters.text')}
            aria-label={t('researchActivities.filters.text')}
            onSearch={(q) => patch({ q })}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder={t('researchActivities.filters.status')}
            aria-label={t('researchActivities.filters.status')}
            value={filters.status}
            onChange={(status) => patch({ status })}
            options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`researchActivities.statuses.${s}`) }))}
            style={{ width: 120 }}
            data-testid="filter-status"
          />
          <Select
            allowClear
            placeholder={t('researchActivities.filters.kind')}
            aria-label={t('researchActivities.filters.kind')}
            value={filters.kind}
            onChange={(kind) => patch({ kind })}
            options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`researchActivities.kinds.${k}`) }))}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            showSearch
            placeholder={t('researchActivities.filters.subject')}
            aria-label={t('researchActivities.filters.subject')}
            value={filters.subject}
            onChange={(subject) => patch({ subject })}
            options={SUBJECTS.map((s) => ({ value: s, label: s }))}
            style={{ width: 120 }}
          />
          {view === 'supervised' ? (
            <CountySchoolFilters
              filters={filters}
              onChange={patch}
              countyLabel={t('researchActivities.filters.county')}
              schoolLabel={t('researchActivities.filters.school')}
              hideSingleCounty
            />
          ) : null}
        </FilterBar>
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<ActivitySummary>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={wide ? { x: 960 } : undefined}
          onRow={(row) => ({ onClick: () => navigate(`/research/activities/${row.id}`) })}
          pagination={pagination}
          locale={{ emptyText: t('researchActivities.empty') }}
          data-testid="activities-table"
          columns={[
            {
              title: t('researchActivities.columns.topic'),
              dataIndex: 'topic',
              render: (topic: string, row) => (
                <Flex vertical>
                  <Link to={`/research/activities/${row.id}`} onClick={(event) => event.stopPropagation()}>{topic}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[row.subject, row.grade, row.groupName].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('researchActivities.columns.kind'), dataIndex: 'kind', width: 110, render: (kind: ActivitySummary['kind']) => <ActivityKindTag kind={kind} /> },
            {
              title: t('researchActivities.columns.organiser'),
              key: 'organiser',
              width: 200,
              responsive: ['md'],
              render: (_, row) => (
                <Flex vertical>
                  <ActivityLevelText level={row.level} name={row.nodeName} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.organiserName}</Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('researchActivities.columns.schools'),
              key: 'schools',
              ellipsis: true,
              responsive: ['lg'],
              render: (_, row) => row.schools.map((s) => s.name).join('、'),
            },
            { title: t('researchActivities.columns.schedule'), key: 'schedule', width: 190, render: (_, row) => `${row.startsOn} ~ ${row.endsOn}` },
            { title: t('researchActivities.columns.lessons'), dataIndex: 'lessonCount', width: 80, align: 'right' },
            { title: t('researchActivities.columns.status'), dataIndex: 'status', width: 110, render: (status: ActivitySummary['status']) => <ActivityStatusTag status={status} /> },
          ]}
        />
      </Card>
    </>
  );
}
