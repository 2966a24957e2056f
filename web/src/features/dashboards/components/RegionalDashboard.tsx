import { useMemo } from 'react';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShortDate } from '../../../app/time';
import { useNavigate } from 'react-router';
import type { CityDashboard, CountyDashboard } from '@shared/api-types';
import { ChartCard } from './ChartCard';
import { missedDayHeatmap, rateBars, rolloutBars, subjectGradeBars, trendLine } from './chart-options';
import { type ChartClick, EChart } from './EChart';
import { type Kpi, KpiCards } from './KpiCards';
import { dayFigure, links, percent, periodFigure } from './links';

/** The pick behind a click on a category chart: the item's index, or the clicked axis label's. */
export function pickedIndex(click: ChartClick, labels: readonly string[]): number {
  if (click.componentType === 'series') return click.dataIndex ?? -1;
  return labels.indexOf(String(click.value));
}

/**
 * The city's (every county in scope) or one county's (its schools) dashboard: headline figures,
 * rates per county or school, the 30-day trend, rollout, lessons by subject and grade, and the
 * lagging schools' days. Every figure opens the list behind it.
 */
export function RegionalDashboard({ data }: { data: CityDashboard | CountyDashboard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const countyId = data.level === 'county' ? data.county.id : undefined;
  const { asOf, periods, kpis } = data;

  const rates = useMemo(() => rateBars(t, data.day, data.month), [t, data]);
  const trend = useMemo(() => trendLine(t, data.trend), [t, data]);
  const rollout = useMemo(() => (data.rollout ? rolloutBars(t, data.rollout, { by: countyId ? 'batch' : 'county' }) : null), [t, data, countyId]);
  const subjects = useMemo(() => (data.recordings ? subjectGradeBars(t, data.recordings.rows) : null), [t, data]);
  const heatmap = useMemo(() => missedDayHeatmap(t, data.heatmap), [t, data]);
  const lessons = data.recordings?.rows.reduce((n, r) => n + r.lessons, 0);
  const heatRows = [...data.heatmap.rows].reverse();

  const items: Kpi[] = [
    {
      // A day nobody is judged on says why, rather than "—" over "0 / 0".
      key: 'day', title: t('dashboards.kpi.day', { day: formatShortDate(asOf) }),
      value: data.dayStatus && data.dayStatus !== 'school-day' ? t(`calendar.status.short.${data.dayStatus}`) : dayFigure(kpis.day),
      note: data.dayStatus && data.dayStatus !== 'school-day' ? data.dayName ?? undefined
        : kpis.day.pendingDays ? t('dashboards.kpi.inProgress', { met: kpis.day.metDays, pending: kpis.day.pendingDays })
          : t('dashboards.kpi.judged', { met: kpis.day.metDays, judged: kpis.day.schoolDays - kpis.day.pendingDays }),
      to: links.schools({ ...periods.day, countyId }),
    },
    {
      key: 'month', title: t('dashboards.kpi.month'), value: periodFigure(kpis.month),
      note: t('dashboards.kpi.judged', { met: kpis.month.metDays, judged: kpis.month.schoolDays - kpis.month.pendingDays }),
      to: links.schools({ ...periods.month, countyId }),
    },
    {
      key: 'lagging', title: t('dashboards.kpi.lagging'), value: kpis.laggingSchools, color: kpis.laggingSchools ? '#cf1322' : undefined,
      note: t('dashboards.kpi.laggingNote', { schools: kpis.month.schools }),
      to: links.schools({ ...periods.month, countyId, met: false }),
    },
    kpis.rollout
      ? {
          key: 'rollout', title: t('dashboards.kpi.rollout'), value: percent(kpis.rollout.rate),
          note: t('dashboards.kpi.rolloutNote', { activated: kpis.rollout.activated, target: kpis.rollout.target, overdue: kpis.rollout.overdue }),
          to: links.rollout(countyId, asOf),
        }
      : {
          key: 'lessons', title: t('dashboards.kpi.lessons'), value: lessons ?? '—',
          to: data.recordings ? links.recordings({ ...periods.month, countyId }) : undefined,
        },
  ];

  return (
    <>
      <KpiCards items={items} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={countyId ? t('dashboards.schoolRates') : t('dashboards.countyRates')}
            list={links.schools({ ...periods.month, countyId })}
            empty={!data.month.rows.length}
            testId="card-rates"
          >
            <EChart
              testId="chart-rates"
              option={rates.option}
              height={rates.height}
              onClick={(click) => {
                const id = rates.ids[pickedIndex(click, rates.names)];
                if (id !== undefined) navigate(countyId ? links.school(id, asOf) : links.county(id, asOf));
              }}
            />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('dashboards.trend')} list={links.schools({ ...periods.trend, countyId })} testId="card-trend">
            <EChart
              testId="chart-trend"
              option={trend}
              onClick={(click) => {
                const day = data.trend.days[click.dataIndex ?? -1];
                if (click.componentType === 'series' && day) navigate(links.schools({ from: day.day, to: day.day, countyId }));
              }}
            />
          </ChartCard>
        </Col>
        {rollout ? (
          <Col xs={24} xl={12}>
            <ChartCard title={countyId ? t('dashboards.rolloutCounty') : t('dashboards.rollout')} list={links.rollout(countyId, asOf)} empty={!rollout.ids.length} testId="card-rollout">
              <EChart
                testId="chart-rollout"
                option={rollout.option}
                onClick={(click) => {
                  const id = rollout.ids[pickedIndex(click, rollout.names)];
                  if (id !== undefined) navigate(links.rollout(id, asOf));
                }}
              />
            </ChartCard>
          </Col>
        ) : null}
        {subjects && data.recordings ? (
          <Col xs={24} xl={rollout ? 12 : 24}>
            <ChartCard
              title={t('dashboards.subjects')}
              list={links.recordings({ ...periods.month, countyId })}
              empty={!subjects.subjects.length}
              testId="card-subjects"
            >
              <EChart
                testId="chart-subjects"
                option={subjects.option}
                onClick={(click) => {
                  const subject = subjects.subjects[pickedIndex(click, subjects.subjects)];
                  if (subject !== undefined) navigate(links.recordings({ ...periods.month, countyId, subject }));
                }}
              />
            </ChartCard>
          </Col>
        ) : null}
        <Col xs={24}>
          <ChartCard
            title={t('dashboards.heatmapTitle', { shown: data.heatmap.rows.length, total: data.heatmap.total })}
            list={links.schools({ ...periods.trend, countyId, met: false })}
            empty={!data.heatmap.rows.length}
            testId="card-heatmap"
          >
            <EChart
              testId="chart-heatmap"
              option={heatmap.option}
              height={heatmap.height}
              onClick={(click) => {
                const index = click.componentType === 'series' ? (click.data as number[] | undefined)?.[1] ?? -1 : heatRows.findIndex((r) => r.name === String(click.value));
                const school = heatRows[index];
                if (school) navigate(links.school(school.id, asOf));
              }}
            />
          </ChartCard>
        </Col>
      </Row>
    </>
  );
}
