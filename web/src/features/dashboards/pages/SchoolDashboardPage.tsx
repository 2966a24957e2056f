import { useMemo } from 'react';
import { Alert, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShortDate } from '../../../app/time';
import { useNavigate, useParams } from 'react-router';
import type { SchoolDashboard } from '@shared/api-types';
import { useApi } from '../../../api/use-api';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { getSchoolDashboard } from '../api/dashboards.api';
import { ChartCard } from '../components/ChartCard';
import { schoolCalendar, STATE_COLORS, subjectGradeBars, trendLine } from '../components/chart-options';
import { DashboardHeader } from '../components/DashboardHeader';
import { EChart } from '../components/EChart';
import { homeDashboard } from '../components/home-dashboard';
import { type Kpi, KpiCards } from '../components/KpiCards';
import { links, periodFigure } from '../components/links';
import { pickedIndex } from '../components/RegionalDashboard';
import { useAsOfParam } from '../components/use-as-of-param';
import { DayStatusNotice } from '../../calendar/components/DayStatusNotice';

/** One school's dashboard: its last 30 days day by day (click a day for its lessons), its trend, its month's lessons by subject. */
export default function SchoolDashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const schoolId = Number(useParams().id);
  const [asOf, setAsOf] = useAsOfParam();
  const { data, error, loading, reload } = useApi(
    (signal) => (asOf ? getSchoolDashboard(schoolId, asOf, signal) : new Promise<never>(() => undefined)), [schoolId, asOf],
  );
  if (!asOf) return <FullPageSpin height="50vh" />;
  const fresh = data && data.school.id === schoolId && !(loading && data.asOf !== asOf);
  return (
    <div data-testid="school-dashboard">
      <DashboardHeader
        title={t('dashboards.schoolTitle', { school: fresh ? data.school.name : '' })}
        asOf={asOf}
        onAsOf={setAsOf}
        up={fresh && homeDashboard(me).level !== 'school' ? { to: links.county(data.school.countyId, asOf), label: t('dashboards.backToCounty') } : undefined}
      />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {fresh ? <DayStatusNotice answer={data} from={asOf} /> : null}
      {fresh ? <SchoolFigures data={data} /> : error ? null : <FullPageSpin height="50vh" />}
    </div>
  );
}

function SchoolFigures({ data }: { data: SchoolDashboard }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { asOf, periods, kpis, school } = data;
  const calendar = useMemo(() => schoolCalendar(t, data.days.days, periods.trend, i18n.language.startsWith('zh')), [t, data, periods.trend, i18n.language]);
  const trend = useMemo(() => trendLine(t, data.trend), [t, data]);
  const subjects = useMemo(() => (data.recordings ? subjectGradeBars(t, data.recordings.rows) : null), [t, data]);
  const today = data.days.days.find((d) => d.day === asOf);
  const todayState = !today ? 'none' : !today.schoolDay ? 'off' : today.met === null ? 'none' : today.met ? 'met' : today.pending ? 'pending' : 'missed';
  const lessonsThisMonth = data.days.days.filter((d) => d.day >= periods.month.from).reduce((n, d) => n + (d.counted ?? 0), 0);
  const lessonsOf = (from: string, to: string, subject?: string) => links.recordings({ from, to, schoolId: school.id, countyId: school.countyId, subject });

  const items: Kpi[] = [
    {
      key: 'day', title: t('dashboards.kpi.schoolDay', { day: formatShortDate(asOf) }), value: t(`dashboards.states.${todayState}`),
      color: todayState in STATE_COLORS ? STATE_COLORS[todayState as keyof typeof STATE_COLORS] : undefined,
      note: today?.counted !== null && today?.counted !== undefined ? t('dashboards.countedLessons', { n: today.counted }) : today?.reasonName ?? undefined,
      to: lessonsOf(asOf, asOf),
    },
    {
      key: 'month', title: t('dashboards.kpi.month'), value: periodFigure(kpis.month),
      note: t('dashboards.kpi.judged', { met: kpis.month.metDays, judged: kpis.month.schoolDays - kpis.month.pendingDays }),
    },
    { key: 'missed', title: t('dashboards.kpi.missedDays'), value: kpis.month.missedDays, color: kpis.month.missedDays ? '#cf1322' : undefined },
    { key: 'lessons', title: t('dashboards.kpi.lessons'), value: lessonsThisMonth, to: lessonsOf(periods.month.from, periods.month.to) },
  ];

  return (
    <>
      <KpiCards items={items} />
      {!data.tracked ? <Alert type="info" showIcon title={t('dashboards.notTracked')} style={{ marginTop: 16 }} /> : null}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <ChartCard title={t('dashboards.schoolDays')} list={lessonsOf(periods.trend.from, periods.trend.to)} testId="card-days">
            <EChart
              testId="chart-days"
              option={calendar}
              height={340}
              onClick={(click) => {
                const day = (click.data as { value?: [string, number] } | undefined)?.value?.[0];
                if (day) navigate(lessonsOf(day, day));
              }}
            />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('dashboards.trend')} list={lessonsOf(periods.trend.from, periods.trend.to)} testId="card-trend">
            <EChart
              testId="chart-trend"
              option={trend}
              height={340}
              onClick={(click) => {
                const day = data.trend.days[click.dataIndex ?? -1];
                if (click.componentType === 'series' && day) navigate(lessonsOf(day.day, day.day));
              }}
            />
          </ChartCard>
        </Col>
        {subjects ? (
          <Col xs={24}>
            <ChartCard title={t('dashboards.subjects')} list={lessonsOf(periods.month.from, periods.month.to)} empty={!subjects.subjects.length} testId="card-subjects">
              <EChart
                testId="chart-subjects"
                option={subjects.option}
                onClick={(click) => {
                  const subject = subjects.subjects[pickedIndex(click, subjects.subjects)];
                  if (subject !== undefined) navigate(lessonsOf(periods.month.from, periods.month.to, subject));
                }}
              />
            </ChartCard>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
