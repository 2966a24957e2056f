import { Alert, Button, Card, Flex, Segmented, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { MeView } from '@shared/domain';
import type { AnalysisPeriodQuery } from '@shared/research-analysis-types';
import { useApi } from '../../../api/use-api';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { CountySelect } from '../../../app/list/filter-bar';
import { useExport } from '../../../app/list/use-export';
import { readEnum, readInt, readString, usePatchSearchParams } from '../../../app/search-params';
import { ChartCard } from '../../dashboards/components/ChartCard';
import { EChart } from '../../dashboards/components/EChart';
import {
  exportAnalysis, getAnalysisAbsent, getAnalysisCounties, getAnalysisSchools, getAnalysisTeachers, getAnalysisTerms, getMyResearch,
} from '../api/analysis.api';
import { AbsentSchools } from '../components/analysis/AbsentSchools';
import { CHART_SCHOOLS, countyBars, schoolBars } from '../components/analysis/analysis-charts';
import { AnalysisKpis, periodNote, supervisesResearch, TermSelect } from '../components/analysis/AnalysisParts';
import { CountyTable, SchoolTable, TeacherTable } from '../components/analysis/AnalysisTables';
import { MyResearch } from '../components/analysis/MyResearch';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the URL: a term, or an explicit range (from and to), else the server's current term. */
function usePeriod(): AnalysisPeriodQuery {
  const [params] = useSearchParams();
  const from = readString(params, 'from');
  const to = readString(params, 'to');
  if (from && to && DAY.test(from) && DAY.test(to)) return { from, to };
  return { termId: readInt(params, 'termId') };
}

/**
 * 教研分析 (/research/analysis): research over a term per county, school and teacher, and the
 * schools that took part in nothing with who answers for them. Principals and research staff see
 * their scope; a teacher sees their own figures (我的教研).
 */
export default function ResearchAnalysisPage() {
  const me = useMe();
  return supervisesResearch(me) ? <SupervisorView me={me} /> : <MyResearchView />;
}

function SupervisorView({ me }: { me: MeView }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const period = usePeriod();
  const cityWide = me.assignments.some((a) => a.role !== 'teacher' && a.role !== 'parent' && a.countyId === null && a.schoolId === null);
  const level = readEnum(params, 'level', ['county', 'school'] as const) ?? (cityWide ? 'county' : 'school');
  const countyId = readInt(params, 'countyId');
  const asked = { ...period, countyId };
  const key = JSON.stringify(asked);

  const terms = useApi((signal) => getAnalysisTerms(undefined, signal), []);
  const counties = useApi((signal) => (level === 'county' ? getAnalysisCounties(period, signal) : Promise.resolve(undefined)), [level, JSON.stringify(period)]);
  const schools = useApi((signal) => (level === 'school' ? getAnalysisSchools(asked, signal) : Promise.resolve(undefined)), [level, key]);
  const absent = useApi((signal) => getAnalysisAbsent(asked, signal), [key]);
  // A principal's list is their own school: its teachers open at once.
  const only = schools.data?.rows.length === 1 ? schools.data.rows[0]!.schoolId : undefined;
  const schoolId = level === 'school' ? readInt(params, 'schoolId') ?? only : undefined;

  const exporter = useExport(() => (level === 'county' ? exportAnalysis.counties(period) : exportAnalysis.schools(asked)));
  const main = level === 'county' ? counties : schools;
  const answerPeriod = (level === 'county' ? counties.data?.period : schools.data?.period) ?? absent.data?.period;

  return (
    <>
      <PageHeader
        title={t('researchAnalysis.title')}
        note={periodNote(t, answerPeriod)}
        extra={
          <>
            <TermSelect terms={terms.data} value={period.termId} period={answerPeriod} onChange={(termId) => patch({ termId, from: undefined, to: undefined })} />
            <Button icon={<DownloadOutlined />} loading={exporter.exporting} onClick={exporter.run} data-testid="export-analysis">
              {t('researchAnalysis.export')}
            </Button>
          </>
        }
      />
      <Flex vertical gap={16}>
        <Flex gap={12} wrap align="center">
          <Segmented
            aria-label={t('researchAnalysis.level')}
            value={level}
            onChange={(value) => patch({ level: value as string, schoolId: undefined })}
            options={[{ value: 'county', label: t('researchAnalysis.levelCounty') }, { value: 'school', label: t('researchAnalysis.levelSchool') }]}
            data-testid="analysis-level"
          />
          {level === 'school' ? (
            <CountySelect value={countyId} onChange={(id) => patch({ countyId: id, schoolId: undefined })} label={t('researchAnalysis.county')} hideSingle />
          ) : null}
        </Flex>
        {main.error ? <ErrorAlert error={main.error} onRetry={main.reload} /> : null}
        {level === 'county' && counties.data ? (
          <AnalysisKpis
            schools={counties.data.rows.reduce((n, r) => n + r.schools, 0)}
            takingPart={counties.data.rows.reduce((n, r) => n + r.schoolsTakingPart, 0)}
            rows={counties.data.rows}
          />
        ) : null}
        {level === 'school' && schools.data ? (
          <AnalysisKpis schools={schools.data.rows.length} takingPart={schools.data.rows.filter((r) => r.tookPart).length} rows={schools.data.rows} />
        ) : null}
        <Participation level={level} counties={counties.data?.rows} schools={schools.data?.rows}
          onCounty={(id) => patch({ level: 'school', countyId: id })} onSchool={(id) => patch({ schoolId: id })} />
        <Card variant="borderless" title={level === 'county' ? t('researchAnalysis.countiesTitle') : t('researchAnalysis.schoolsTitle')}
          extra={level === 'school' ? <Typography.Text type="secondary">{t('researchAnalysis.pickSchool')}</Typography.Text> : null}>
          {level === 'county'
            ? <CountyTable rows={counties.data?.rows ?? []} loading={counties.loading} onPick={(id) => patch({ level: 'school', countyId: id })} />
            : <SchoolTable rows={schools.data?.rows ?? []} loading={schools.loading} picked={schoolId} onPick={(id) => patch({ schoolId: id })} />}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>{t('researchAnalysis.basis')}</Typography.Paragraph>
        </Card>
        {schoolId ? <Teachers schoolId={schoolId} period={period} onClose={only ? undefined : () => patch({ schoolId: undefined })} /> : null}
        {absent.error ? <ErrorAlert error={absent.error} onRetry={absent.reload} /> : null}
        <AbsentSchools data={absent.data} loading={absent.loading} onExport={() => exportAnalysis.absent(asked)} />
      </Flex>
    </>
  );
}

/** The bar chart of participation: schools taking part per county, or activities per school by kind. */
function Participation({ level, counties, schools, onCounty, onSchool }: {
  level: 'county' | 'school';
  counties: Parameters<typeof countyBars>[1] | undefined;
  schools: Parameters<typeof schoolBars>[1] | undefined;
  onCounty: (countyId: number) => void;
  onSchool: (schoolId: number) => void;
}) {
  const { t } = useTranslation();
  if (level === 'county') {
    if (!counties) return null;
    const chart = countyBars(t, counties);
    const pick = (index: number | undefined) => (index !== undefined && chart.ids[index] !== undefined ? onCounty(chart.ids[index]!) : undefined);
    return (
      <ChartCard title={t('researchAnalysis.chartCounties')} empty={!counties.length} testId="analysis-chart">
        <EChart option={chart.option} testId="analysis-county-bars"
          onClick={(c) => pick(c.componentType === 'series' ? c.dataIndex : counties.findIndex((r) => r.name === c.value))} />
      </ChartCard>
    );
  }
  if (!schools) return null;
  const chart = schoolBars(t, schools);
  const names = chart.ids.map((id) => schools.find((r) => r.schoolId === id)?.name);
  const pick = (index: number | undefined) => (index !== undefined && chart.ids[index] !== undefined ? onSchool(chart.ids[index]!) : undefined);
  return (
    <ChartCard title={t('researchAnalysis.chartSchools')} empty={!chart.ids.length} testId="analysis-chart">
      <Typography.Text type="secondary">{chart.cut ? t('researchAnalysis.chartMore', { n: CHART_SCHOOLS }) : t('researchAnalysis.chartOnlyTaking')}</Typography.Text>
      <EChart option={chart.option} height={chart.height} testId="analysis-school-bars"
        onClick={(c) => pick(c.componentType === 'series' ? c.dataIndex : names.indexOf(String(c.value)))} />
    </ChartCard>
  );
}

function Teachers({ schoolId, period, onClose }: { schoolId: number; period: AnalysisPeriodQuery; onClose?: () => void }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi((signal) => getAnalysisTeachers(schoolId, period, signal), [schoolId, JSON.stringify(period)]);
  const exporter = useExport(() => exportAnalysis.teachers(schoolId, period));
  return (
    <Card
      variant="borderless"
      data-testid="analysis-teachers-card"
      title={data ? t('researchAnalysis.teachersTitle', { school: data.school.name }) : ' '}
      extra={
        <Flex gap={8}>
          <Button icon={<DownloadOutlined />} loading={exporter.exporting} onClick={exporter.run} data-testid="export-teachers">{t('researchAnalysis.export')}</Button>
          {onClose ? <Button onClick={onClose}>{t('researchAnalysis.closeTeachers')}</Button> : null}
        </Flex>
      }
    >
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {data?.ownRowOnly ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('researchAnalysis.teachersOwnOnly')} /> : null}
      <TeacherTable rows={data?.rows ?? []} loading={loading} />
    </Card>
  );
}

/** A teacher's view: their own figures over the term. */
function MyResearchView() {
  const { t } = useTranslation();
  const patch = usePatchSearchParams();
  const period = usePeriod();
  const terms = useApi((signal) => getAnalysisTerms(undefined, signal), []);
  const { data, error, reload } = useApi((signal) => getMyResearch(period, signal), [JSON.stringify(period)]);
  return (
    <>
      <PageHeader
        title={t('researchAnalysis.myTitle')}
        note={periodNote(t, data?.period)}
        extra={<TermSelect terms={terms.data} value={period.termId} period={data?.period} onChange={(termId) => patch({ termId, from: undefined, to: undefined })} />}
      />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {data ? <MyResearch row={data.row} /> : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>{t('researchAnalysis.basis')}</Typography.Paragraph>
    </>
  );
}
