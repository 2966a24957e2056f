import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Department, SchoolKind } from '@shared/domain';
import type { RolloutSchool } from '@shared/api-types';
import { toQueryString } from '../../../api/client';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readBool, readEnum, readInt, readString } from '../../../app/search-params';
import { useAsOfParam } from '../../dashboards/components/use-as-of-param';
import { listSchools } from '../api/rollout.api';
import { MilestoneTags, OverdueTags } from '../components/milestone-tags';
import { RolloutFilterBar, type RolloutFilters } from '../components/RolloutFilterBar';
import { RolloutTabs } from '../components/RolloutTabs';

const KINDS: readonly SchoolKind[] = ['kindergarten', 'primary', 'junior', 'nine_year'];
const DEPARTMENTS: readonly Department[] = ['research', 'edtech', 'preschool'];

function readFilters(params: URLSearchParams): RolloutFilters {
  return {
    countyId: readInt(params, 'countyId'),
    batch: readString(params, 'batch'),
    kind: readEnum(params, 'kind', KINDS),
    department: readEnum(params, 'department', DEPARTMENTS),
    overdue: readBool(params, 'overdue'),
  };
}

/** Programme schools with their milestones, named person and what is overdue; open one to record a milestone. */
export default function RolloutSchoolsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [asOf, setAsOf] = useAsOfParam();
  const { filters, patch, pagination, data, error, loading, reload } = usePagedList({
    // The as-of day rides with the filters, so a new day loads the list again (reset leaves it).
    readFilters: (params) => ({ ...readFilters(params), asOf }),
    load: (query, signal) => (query.asOf ? listSchools(query, signal) : Promise.resolve({ items: [], total: 0, page: 1, pageSize: query.pageSize })),
  });
  const open = (id: number) => navigate(`/rollout/schools/${id}${toQueryString({ asOf })}`);

  return (
    <>
      <PageHeader title={t('rollout.title')} note={data ? t('rollout.totalSchools', { total: data.total }) : undefined} />
      <RolloutTabs active="schools" />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <RolloutFilterBar filters={filters} onChange={patch} asOf={asOf} onAsOf={setAsOf} show={['countyId', 'batch', 'kind', 'department', 'overdue']} />
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<RolloutSchool>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          loading={loading || !asOf}
          dataSource={data?.items ?? []}
          scroll={{ x: 1100 }}
          onRow={(s) => ({ onClick: () => open(s.id) })}
          pagination={pagination}
          locale={{ emptyText: t('rollout.emptySchools') }}
          data-testid="rollout-schools"
          columns={[
            {
              title: t('rollout.school'), dataIndex: 'name', fixed: 'left', width: 200,
              render: (name: string, s) => (
                <Link to={`/rollout/schools/${s.id}${toQueryString({ asOf })}`} onClick={(e) => e.stopPropagation()}>
                  {name}
                </Link>
              ),
            },
            { title: t('rollout.county'), dataIndex: 'countyName', width: 90 },
            { title: t('rollout.kind'), dataIndex: 'kind', width: 90, render: (k: SchoolKind) => t(`schoolKinds.${k}`) },
            {
              title: t('rollout.batch'), dataIndex: 'batch', width: 120,
              render: (b: string, s) => (
                <>
                  {b} {s.built ? <Tag color="blue">{t('rollout.built')}</Tag> : null}
                </>
              ),
            },
            { title: t('rollout.milestonesTitle'), key: 'milestones', width: 330, render: (_: unknown, s) => <MilestoneTags school={s} /> },
            {
              title: t('rollout.namedPerson'), key: 'named', width: 100,
              render: (_: unknown, s) => (s.namedPerson ? s.namedPerson.name : <Typography.Text type="secondary">{t('rollout.noNamedPerson')}</Typography.Text>),
            },
            { title: t('rollout.overdueTitle'), key: 'overdue', width: 260, render: (_: unknown, s) => <OverdueTags items={s.overdue} /> },
          ]}
        />
      </Card>
    </>
  );
}
