import { Button, Card, Col, Flex, Row, Select, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { EquityLocalityGroup, EquityRegion, EquitySchool, EquitySchoolFilter, EquitySchoolsQuery } from '@shared/equity-api-types';
import { toQueryString } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { CountySelect } from '../../../app/list/filter-bar';
import { useExport } from '../../../app/list/use-export';
import { readEnum, readInt, readString, usePatchSearchParams } from '../../../app/search-params';
import { platformToday } from '../../../app/time';
import { ChartCard } from '../../dashboards/components/ChartCard';
import { EChart } from '../../dashboards/components/EChart';
import { type Kpi, KpiCards } from '../../dashboards/components/KpiCards';
import { exportEquity, getEquity } from '../api/equity.api';
import '../components/equity-echarts';
import { flowSankey, GROUP_SERIES, groupBars, percentText, ratioText, trendLines } from '../components/equity-charts';
import { EquitySchoolsDrawer, ResponsibleCell } from '../components/EquitySchoolsDrawer';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const FILTERS = ['all', 'producers', 'users', 'idle', 'village-reached', 'village-not-reached'] as const;
const LOCALITIES = ['poor_village', 'rural', 'urban'] as const;
const KINDS = ['kindergarten', 'primary', 'junior', 'nine_year', 'senior'] as const;

/** The last 12 months, newest first, for the month picker. */
function recentMonths(): string[] {
  const today = platformToday();
  return Array.from({ length: 12 }, (_, i) => today.subtract(i, 'month').format('YYYY-MM'));
}

/**
 * 资源均衡分析 (/equity): for the city and each county of the reader's scope, who produces and who
 * uses shared resources, how concentrated both are across schools (Gini, 校际差异系数), how far
 * featured lessons reach 贫困村 schools, where used lessons come from, who takes no part. Every
 * figure opens the list behind it in a drawer (`?list=…` in the URL, so the list can be linked).
 */
export default function EquityPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const asked = readString(params, 'month');
  const month = asked && MONTH.test(asked) ? asked : undefined;
  const countyId = readInt(params, 'countyId');
  const query = { month, countyId };
  const { data, error, loading, reload } = useApi((signal) => getEquity(query, signal), [month, countyId]);
  const exporter = useExport(() => exportEquity(query));

  const list = readEnum(params, 'list', FILTERS);
  const drawer: EquitySchoolsQuery | null = list ? {
    month: data?.month ?? month, countyId, filter: list,
    kind: readEnum(params, 'kind', KINDS), locality: readEnum(params, 'locality', LOCALITIES),
  } : null;
  const listLink = (filter: EquitySchoolFilter, more: { kind?: string; locality?: EquityLocalityGroup } = {}) =>
    `/equity${toQueryString({ month, countyId, list: filter, ...more })}`;
  const open = (filter: EquitySchoolFilter, more: { kind?: string; locality?: EquityLocalityGroup } = {}) =>
    patch({ list: filter, kind: more.kind, locality: more.locality });

  const top: EquityRegion | undefined = data ? data.regions.find((r) => r.level === 'city') ?? data.regions[0] : undefined;
  const kpis: Kpi[] = top ? [
    { key: 'production-gini', title: t('equity.kpi.productionGini'), value: ratioText(top.productionGini), note: t('equity.kpi.producers', { n: top.producers, of: top.schools }), to: listLink('producers') },
    { key: 'production-cv', title: t('equity.kpi.productionCv'), value: ratioText(top.productionCv), to: listLink('producers') },
    { key: 'use-gini', title: t('equity.kpi.useGini'), value: ratioText(top.useGini), note: t('equity.kpi.users', { n: top.users, of: top.schools }), to: listLink('users') },
    { key: 'use-cv', title: t('equity.kpi.useCv'), value: ratioText(top.useCv), to: listLink('users') },
    { key: 'village-reach', title: t('equity.kpi.villageReach'), value: percentText(top.villageReach), note: t('equity.kpi.village', { n: top.villageReached, of: top.villageSchools }), to: listLink('village-not-reached'), color: '#f7a400' },
    { key: 'idle', title: t('equity.kpi.idle'), value: data!.idle.total, note: t('equity.kpi.idleNote'), to: listLink('idle'), color: '#eb5757' },
  ] : [];

  const kindLabel = (g: { kind?: string }) => t(`schoolKinds.${g.kind}` as 'schoolKinds.primary');
  const localityLabel = (g: { group?: string }) => t(`equity.localities.${g.group as EquityLocalityGroup}`);
  const options = useMemo(() => top && data ? {
    kinds: groupBars(t, top.byKind, kindLabel),
    localities: groupBars(t, top.byLocality, localityLabel),
    flows: flowSankey(t, data.flows),
    trend: trendLines(t, data.trend),
  } : null, [data, top, t]); // eslint-disable-line react-hooks/exhaustive-deps

  const barClick = (groups: string[], key: 'kind' | 'locality') => (c: { componentType: string; seriesIndex?: number; dataIndex?: number; value?: unknown }) => {
    const index = c.componentType === 'series' ? c.dataIndex : groups.findIndex((g) => g === c.value);
    if (index === undefined || index < 0) return;
    const filter = c.componentType === 'series' && c.seriesIndex !== undefined ? GROUP_SERIES[c.seriesIndex]!.filter : 'all';
    const group = key === 'kind' ? top!.byKind[index]!.kind : top!.byLocality[index]!.group;
    open(filter, key === 'kind' ? { kind: group } : { locality: group as EquityLocalityGroup });
  };

  return (
    <>
      <PageHeader
        title={t('equity.title')}
        note={data ? t('equity.note', { month: data.month }) : null}
        extra={
          <>
            <Select aria-label={t('equity.month')} style={{ width: 120 }} value={data?.month ?? month} data-testid="equity-month"
              options={recentMonths().map((m) => ({ value: m, label: m }))} onChange={(m) => patch({ month: m })} />
            <CountySelect value={countyId} onChange={(id) => patch({ countyId: id })} label={t('equity.county')} hideSingle />
            <Button icon={<DownloadOutlined />} loading={exporter.exporting} onClick={exporter.run} data-testid="export-equity">{t('equity.export')}</Button>
          </>
        }
      />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <Flex vertical gap={16}>
        <KpiCards items={kpis} />
        {options && top && data ? (
          <>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <ChartCard title={t('equity.byKind')} empty={!top.byKind.length} testId="equity-kinds">
                  <EChart option={options.kinds} height={280} testId="equity-kind-bars" onClick={barClick(top.byKind.map(kindLabel), 'kind')} />
                </ChartCard>
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard title={t('equity.byLocality')} testId="equity-localities">
                  <EChart option={options.localities} height={280} testId="equity-locality-bars" onClick={barClick(top.byLocality.map(localityLabel), 'locality')} />
                </ChartCard>
              </Col>
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <ChartCard title={t('equity.flows')} empty={!data.flows.length} testId="equity-flows">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('equity.flowsNote')}</Typography.Text>
                  <EChart option={options.flows} height={320} testId="equity-sankey" onClick={() => open('users')} />
                </ChartCard>
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard title={t('equity.trend')} testId="equity-trend">
                  <EChart option={options.trend} height={320} testId="equity-trend-lines"
                    onClick={(c) => { const m = data.trend[c.dataIndex ?? -1]?.month; if (m) patch({ month: m }); }} />
                </ChartCard>
              </Col>
            </Row>
            <RegionsTable regions={data.regions} onCounty={(id) => patch({ countyId: id })} />
            <Card variant="borderless" title={t('equity.idleTitle')} data-testid="equity-idle"
              extra={<Link to={listLink('idle')}>{t('equity.viewAll')}</Link>}>
              {data.idle.total > data.idle.items.length ? (
                <Typography.Paragraph type="secondary">{t('equity.idleMore', { total: data.idle.total, shown: data.idle.items.length })}</Typography.Paragraph>
              ) : null}
              <Table<EquitySchool> rowKey="id" size="small" pagination={false} dataSource={data.idle.items}
                columns={[
                  { key: 'name', title: t('equity.columns.school'), dataIndex: 'name' },
                  { key: 'county', title: t('equity.columns.county'), dataIndex: 'countyName' },
                  { key: 'kind', title: t('equity.columns.kind'), render: (_, s) => kindLabel(s) },
                  { key: 'locality', title: t('equity.columns.locality'), render: (_, s) => localityLabel({ group: s.locality }) },
                  { key: 'responsible', title: t('equity.responsible'), render: (_, s) => <ResponsibleCell school={s} /> },
                ]} />
            </Card>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('equity.basis')}</Typography.Paragraph>
          </>
        ) : loading ? <Card loading variant="borderless" /> : null}
      </Flex>
      <EquitySchoolsDrawer query={drawer} onClose={() => patch({ list: undefined, kind: undefined, locality: undefined })} />
    </>
  );
}

/** Each region's figures; a county's row narrows the page to it. */
function RegionsTable({ regions, onCounty }: { regions: EquityRegion[]; onCounty: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <Card variant="borderless" title={t('equity.regions')} data-testid="equity-regions">
      <Table<EquityRegion> rowKey="id" size="small" pagination={false} dataSource={regions}
        onRow={(r) => ({ onClick: () => (r.level === 'county' ? onCounty(r.id) : undefined), style: { cursor: r.level === 'county' ? 'pointer' : undefined } })}
        columns={[
          { key: 'name', title: t('equity.region'), dataIndex: 'name' },
          { key: 'producers', title: t('equity.producers'), render: (_, r) => `${r.producers} / ${r.schools}` },
          { key: 'users', title: t('equity.users'), render: (_, r) => `${r.users} / ${r.schools}` },
          { key: 'pg', title: t('equity.kpi.productionGini'), render: (_, r) => ratioText(r.productionGini) },
          { key: 'pcv', title: t('equity.kpi.productionCv'), render: (_, r) => ratioText(r.productionCv) },
          { key: 'ug', title: t('equity.kpi.useGini'), render: (_, r) => ratioText(r.useGini) },
          { key: 'ucv', title: t('equity.kpi.useCv'), render: (_, r) => ratioText(r.useCv) },
          { key: 'reach', title: t('equity.kpi.villageReach'), render: (_, r) => `${percentText(r.villageReach)}（${r.villageReached}/${r.villageSchools}）` },
        ]} />
    </Card>
  );
}
