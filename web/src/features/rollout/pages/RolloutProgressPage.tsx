import { useMemo } from 'react';
import { Card, Col, Flex, Progress, Row, Select, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { RolloutProgressRow } from '@shared/api-types';
import { toQueryString } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { readInt, readString, usePatchSearchParams } from '../../../app/search-params';
import { CountySelect } from '../../../app/list/filter-bar';
import { useAsOfParam } from '../../dashboards/components/use-as-of-param';
import { homeDashboard } from '../../dashboards/components/home-dashboard';
import { useMe } from '../../../app/auth';
import { getProgress, listBatches } from '../api/rollout.api';
import { AsOfPicker } from '../components/AsOfPicker';
import { RolloutTabs } from '../components/RolloutTabs';

type Figures = Pick<RolloutProgressRow, 'target' | 'schools' | 'registered' | 'installed' | 'activated' | 'inRegularUse' | 'overdue'>;
const FIGURES: (keyof Figures)[] = ['target', 'schools', 'registered', 'installed', 'activated', 'inRegularUse', 'overdue'];

function sum(rows: Figures[]): Figures {
  return Object.fromEntries(FIGURES.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as unknown as Figures;
}

/** A share of the target as a bar; a county without a target shows the count alone. */
function Bar({ done, target }: { done: number; target: number }) {
  if (!target) return <span>{done}</span>;
  const pct = Math.round((done / target) * 100);
  return (
    <Flex align="center" gap={8} style={{ minWidth: 140 }}>
      <Progress percent={Math.min(pct, 100)} size="small" showInfo={false} style={{ flex: 1, margin: 0 }} status={pct >= 100 ? 'success' : 'normal'} />
      <span style={{ whiteSpace: 'nowrap' }}>{done} / {target}</span>
    </Flex>
  );
}

/**
 * The programme's progress per county against the batch targets (2018-08: 200 kindergartens and
 * 150 primary and junior schools; 2019-02: 280), as of a day; each figure opens the list behind it.
 */
export default function RolloutProgressPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const home = homeDashboard(me);
  // A school's staff are held to their school's milestones, not to a county's targets: they open on those.
  if (home.level === 'school') return <Navigate replace to={`/rollout/schools/${home.id}${toQueryString({ asOf: params.get('asOf') ?? undefined })}`} />;
  return <ProgressByCounty />;
}

function ProgressByCounty() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const [asOf, setAsOf] = useAsOfParam();
  const batch = readString(params, 'batch');
  const countyId = readInt(params, 'countyId');
  const batches = useApi((signal) => listBatches(signal), []);
  const progress = useApi((signal) => (asOf ? getProgress({ batch, asOf }, signal) : Promise.resolve(undefined)), [batch, asOf]);
  const rows = useMemo(() => (progress.data?.rows ?? []).filter((r) => countyId === undefined || r.countyId === countyId), [progress.data, countyId]);

  // One card per batch and school group: the city's (or the county's) figures against its target.
  const totals = useMemo(() => {
    const keys = [...new Set(rows.map((r) => `${r.batch}|${r.group}`))];
    return keys.map((key) => {
      const [b, group] = key.split('|') as [string, RolloutProgressRow['group']];
      return { key, batch: b, group, ...sum(rows.filter((r) => r.batch === b && r.group === group)) };
    });
  }, [rows]);
  const listLink = (path: string, row: { countyId?: number; batch?: string }) => `${path}${toQueryString({ asOf, countyId: row.countyId, batch: row.batch })}`;
  const batchName = (code: string) => batches.data?.items.find((b) => b.code === code)?.name ?? code;

  return (
    <>
      <PageHeader
        title={t('rollout.title')}
        note={progress.data ? t('rollout.asOfNote', { day: progress.data.asOf }) : undefined}
        extra={
          <>
            <CountySelect value={countyId} onChange={(id) => patch({ countyId: id })} label={t('rollout.county')} hideSingle />
            <Select
              allowClear
              placeholder={t('rollout.allBatches')}
              value={batch}
              onChange={(value?: string) => patch({ batch: value })}
              options={(batches.data?.items ?? []).map((b) => ({ value: b.code, label: `${b.name}（${t('rollout.dueOn')} ${b.dueOn}）` }))}
              style={{ minWidth: 220 }}
              data-testid="rollout-batch"
            />
            <AsOfPicker value={asOf} onChange={setAsOf} />
          </>
        }
      />
      <RolloutTabs active="progress" />
      {progress.error ? <ErrorAlert error={progress.error} onRetry={progress.reload} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {totals.map((c) => (
          <Col xs={24} md={12} xl={8} key={c.key}>
            <Card variant="borderless" size="small" title={`${batchName(c.batch)} · ${t(`rollout.groups.${c.group}`)}`} data-testid={`rollout-total-${c.batch}-${c.group}`}>
              <Flex gap={24} wrap align="center">
                <Progress type="dashboard" size={88} percent={c.target ? Math.min(100, Math.round((c.activated / c.target) * 100)) : 0} />
                <Statistic title={t('rollout.figures.target')} value={c.target} />
                <Statistic title={t('rollout.figures.activated')} value={c.activated} />
                <Statistic title={t('rollout.figures.inRegularUse')} value={c.inRegularUse} />
                <Link to={listLink('/rollout/overdue', { countyId, batch: c.batch })}>
                  <Statistic title={t('rollout.figures.overdue')} value={c.overdue} styles={{ content: { color: c.overdue ? '#cf1322' : undefined } }} />
                </Link>
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <Card variant="borderless" title={t('rollout.byCounty')}>
        <Table<RolloutProgressRow>
          rowKey={(r) => `${r.countyId}-${r.batch}-${r.group}`}
          size="small"
          loading={progress.loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('rollout.emptyProgress') }}
          data-testid="rollout-progress"
          columns={[
            {
              title: t('rollout.county'), dataIndex: 'countyName', fixed: 'left', width: 100,
              render: (name: string, r) => <Link to={listLink('/rollout/schools', { countyId: r.countyId, batch: r.batch })}>{name}</Link>,
            },
            { title: t('rollout.batch'), dataIndex: 'batch', width: 90 },
            { title: t('rollout.group'), dataIndex: 'group', width: 90, render: (g: RolloutProgressRow['group']) => t(`rollout.groups.${g}`) },
            { title: t('rollout.figures.target'), dataIndex: 'target', width: 70, align: 'right' },
            { title: t('rollout.figures.schools'), dataIndex: 'schools', width: 80, align: 'right' },
            { title: t('rollout.figures.registered'), key: 'registered', width: 170, render: (_: unknown, r) => <Bar done={r.registered} target={r.target} /> },
            { title: t('rollout.figures.installed'), key: 'installed', width: 170, render: (_: unknown, r) => <Bar done={r.installed} target={r.target} /> },
            { title: t('rollout.figures.activated'), key: 'activated', width: 170, render: (_: unknown, r) => <Bar done={r.activated} target={r.target} /> },
            { title: t('rollout.figures.inRegularUse'), key: 'inRegularUse', width: 170, render: (_: unknown, r) => <Bar done={r.inRegularUse} target={r.target} /> },
            {
              title: t('rollout.figures.overdue'), dataIndex: 'overdue', width: 80, align: 'right',
              render: (n: number, r) => (n
                ? <Link to={listLink('/rollout/overdue', { countyId: r.countyId, batch: r.batch })}><Typography.Text type="danger" strong>{n}</Typography.Text></Link>
                : 0),
            },
          ]}
        />
      </Card>
    </>
  );
}
