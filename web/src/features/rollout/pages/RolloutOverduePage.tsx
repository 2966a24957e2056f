import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Department, SchoolKind } from '@shared/domain';
import type { RolloutOverdueItem } from '@shared/api-types';
import { toQueryString } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { readEnum, readInt, readString, usePatchSearchParams } from '../../../app/search-params';
import { useAsOfParam } from '../../dashboards/components/use-as-of-param';
import { listOverdue } from '../api/rollout.api';
import { RolloutFilterBar } from '../components/RolloutFilterBar';
import { RolloutTabs } from '../components/RolloutTabs';

const KINDS: readonly SchoolKind[] = ['kindergarten', 'primary', 'junior', 'nine_year'];
const DEPARTMENTS: readonly Department[] = ['research', 'edtech', 'preschool'];

/**
 * What is overdue as of a day, one line per school and requirement, longest overdue first, with
 * the department the article makes answer for it and the school's named person.
 */
export default function RolloutOverduePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const [asOf, setAsOf] = useAsOfParam();
  const filters = {
    countyId: readInt(params, 'countyId'),
    batch: readString(params, 'batch'),
    kind: readEnum(params, 'kind', KINDS),
    department: readEnum(params, 'department', DEPARTMENTS),
  };
  const list = useApi((signal) => (asOf ? listOverdue({ ...filters, asOf }, signal) : Promise.resolve(undefined)), [JSON.stringify(filters), asOf]);

  return (
    <>
      <PageHeader title={t('rollout.title')} note={list.data ? t('rollout.totalItems', { total: list.data.total, day: list.data.asOf }) : undefined} />
      <RolloutTabs active="overdue" />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <RolloutFilterBar filters={filters} onChange={patch} asOf={asOf} onAsOf={setAsOf} show={['countyId', 'batch', 'kind', 'department']} />
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<RolloutOverdueItem>
          rowKey={(r) => `${r.schoolId}-${r.requirement}`}
          size="middle"
          loading={list.loading || !asOf}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: t('rollout.emptyOverdue') }}
          data-testid="rollout-overdue"
          columns={[
            {
              title: t('rollout.school'), dataIndex: 'schoolName', fixed: 'left', width: 200,
              render: (name: string, r) => <Link to={`/rollout/schools/${r.schoolId}${toQueryString({ asOf })}`}>{name}</Link>,
            },
            { title: t('rollout.county'), dataIndex: 'countyName', width: 90 },
            { title: t('rollout.kind'), dataIndex: 'kind', width: 90, render: (k: SchoolKind) => t(`schoolKinds.${k}`) },
            { title: t('rollout.batch'), dataIndex: 'batch', width: 90 },
            {
              title: t('rollout.requirement'), dataIndex: 'requirement', width: 110,
              render: (r: RolloutOverdueItem['requirement']) => <Tag color="error">{t(`rollout.requirements.${r}`)}</Tag>,
            },
            { title: t('rollout.department'), dataIndex: 'department', width: 110, render: (d: Department) => t(`departments.${d}`) },
            { title: t('rollout.dueOn'), dataIndex: 'dueOn', width: 110 },
            {
              title: t('rollout.source'), key: 'source', width: 220,
              render: (_: unknown, r) => (r.source === 'deadline' && r.deadlineName ? r.deadlineName : t(`rollout.sources.${r.source}`)),
            },
            {
              title: t('rollout.daysOverdue'), dataIndex: 'daysOverdue', width: 90, align: 'right',
              render: (n: number) => <Typography.Text type="danger">{t('rollout.days', { n })}</Typography.Text>,
            },
            {
              title: t('rollout.namedPerson'), key: 'named', width: 100,
              render: (_: unknown, r) => (r.namedPerson ? r.namedPerson.name : <Typography.Text type="secondary">{t('rollout.noNamedPerson')}</Typography.Text>),
            },
          ]}
        />
      </Card>
    </>
  );
}
