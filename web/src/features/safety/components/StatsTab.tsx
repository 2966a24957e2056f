import { Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SafetyStats } from '@shared/safety-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { safetyStats } from '../api/safety.api';

type Row = SafetyStats['totals'];

/** The figures of the caller's scope: each county (the city), each school, and the totals (sums of the schools). */
export function StatsTab() {
  const { t } = useTranslation();
  const stats = useApi((signal) => safetyStats(signal), []);
  const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
  const figures = [
    { title: t('safety.stats.checksThisMonth'), dataIndex: 'checksThisMonth' },
    { title: t('safety.stats.openHazards'), dataIndex: 'openHazards' },
    { title: t('safety.stats.overdueHazards'), dataIndex: 'overdueHazards' },
    { title: t('safety.stats.escalatedHazards'), dataIndex: 'escalatedHazards' },
    { title: t('safety.stats.onTimeRate'), dataIndex: 'onTimeRate', render: (r: number | null) => rate(r) },
    { title: t('safety.stats.drillsThisTerm'), dataIndex: 'drillsThisTerm' },
  ];
  const totalRow = (d: SafetyStats, first: number) => (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={first}>{t('safety.stats.total')}</Table.Summary.Cell>
      {(['checksThisMonth', 'openHazards', 'overdueHazards', 'escalatedHazards'] as const).map((k, i) => (
        <Table.Summary.Cell key={k} index={first + i}>{d.totals[k]}</Table.Summary.Cell>
      ))}
      <Table.Summary.Cell index={first + 4}>{rate(d.totals.onTimeRate)}</Table.Summary.Cell>
      <Table.Summary.Cell index={first + 5}>{d.totals.drillsThisTerm}</Table.Summary.Cell>
    </Table.Summary.Row>
  );
  if (stats.error) return <ErrorAlert error={stats.error} onRetry={stats.reload} />;
  const d = stats.data;
  return (
    <Flex vertical gap={16}>
      {d ? <Typography.Text type="secondary">{t('safety.stats.period', d)}</Typography.Text> : null}
      {d && d.counties.length > 1 ? (
        <Card size="small" title={t('safety.stats.byCounty')}>
          <Table<Row & { countyId: number; countyName: string }> rowKey="countyId" size="small" pagination={false} scroll={{ x: true }} dataSource={d.counties}
            columns={[{ title: t('safety.stats.county'), dataIndex: 'countyName' }, { title: t('safety.stats.schools'), dataIndex: 'schools' }, ...figures]}
            summary={() => totalRow(d, 1)} />
        </Card>
      ) : null}
      <Card size="small" title={t('safety.stats.bySchool')}>
        <Table rowKey="schoolId" size="small" loading={stats.loading} scroll={{ x: true }} dataSource={d?.schools ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[{ title: t('safety.school'), dataIndex: 'schoolName' }, { title: t('safety.stats.county'), dataIndex: 'countyName' }, ...figures]}
          summary={() => (d ? totalRow(d, 2) : null)} />
      </Card>
    </Flex>
  );
}
