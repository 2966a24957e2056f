import { Select } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AnalysisPeriod, AnalysisTerms } from '@shared/research-analysis-types';
import type { MeView } from '@shared/domain';
import { type Kpi, KpiCards } from '../../../dashboards/components/KpiCards';
import { percent } from '../../../dashboards/components/links';

/** Roles whose research grant supervises schools (a teacher's grant reaches only their own figures). */
const SUPERVISING_ROLES = new Set(['city_admin', 'county_admin', 'dept_staff', 'researcher', 'principal']);

export function supervisesResearch(me: MeView): boolean {
  return me.permissions.includes('research:read') && me.assignments.some((a) => SUPERVISING_ROLES.has(a.role));
}

/** The term picker: the calendar's terms, newest first, today's marked; an explicit range shows as itself. */
export function TermSelect({ terms, value, period, onChange }: {
  terms: AnalysisTerms | undefined; value?: number; period?: AnalysisPeriod; onChange: (termId: number) => void;
}) {
  const { t } = useTranslation();
  const range = period && period.termId === null ? t('researchAnalysis.rangeNote', { from: period.from, to: period.to }) : undefined;
  return (
    <Select
      style={{ minWidth: 240 }}
      aria-label={t('researchAnalysis.term')}
      placeholder={range ?? t('researchAnalysis.term')}
      loading={!terms}
      value={value ?? (range ? undefined : period?.termId ?? terms?.defaultTermId ?? undefined)}
      onChange={onChange}
      options={(terms?.terms ?? []).map((term) => ({
        value: term.id, label: term.current ? t('researchAnalysis.termCurrent', { name: term.name }) : term.name,
      }))}
      data-testid="analysis-term"
    />
  );
}

/** The period as the header's note: the term's name and dates, or the range asked for. */
export function periodNote(t: TFunction, period: AnalysisPeriod | undefined): string | undefined {
  if (!period) return undefined;
  return period.name
    ? t('researchAnalysis.periodNote', { name: period.name, from: period.from, to: period.to })
    : t('researchAnalysis.rangeNote', { from: period.from, to: period.to });
}

interface Additive {
  lessonsAttached: number;
  lessonsObserved: number;
  commentsReceived: number;
  commentsGiven: number;
  st: { codings: number; lessons: number };
}

/**
 * The headline figures of a list: schools taking part, lessons observed, comments, codings. Only
 * figures that add up over rows are summed (an activity shared by two schools is not two activities).
 */
export function AnalysisKpis({ schools, takingPart, rows }: { schools: number; takingPart: number; rows: Additive[] }) {
  const { t } = useTranslation();
  const sum = (get: (r: Additive) => number) => rows.reduce((n, r) => n + get(r), 0);
  const items: Kpi[] = [
    {
      key: 'schools', title: t('researchAnalysis.kpi.schoolsTakingPart'), value: takingPart,
      note: t('researchAnalysis.kpi.schoolsNote', { total: schools, rate: percent(schools ? takingPart / schools : null) }),
      color: takingPart < schools ? '#cf1322' : '#389e0d',
    },
    { key: 'observed', title: t('researchAnalysis.kpi.lessonsObserved'), value: sum((r) => r.lessonsObserved), note: t('researchAnalysis.kpi.lessonsNote', { n: sum((r) => r.lessonsAttached) }) },
    { key: 'comments', title: t('researchAnalysis.kpi.commentsReceived'), value: sum((r) => r.commentsReceived), note: t('researchAnalysis.kpi.commentsNote', { n: sum((r) => r.commentsGiven) }) },
    { key: 'codings', title: t('researchAnalysis.kpi.codings'), value: sum((r) => r.st.codings), note: t('researchAnalysis.kpi.codingsNote', { n: sum((r) => r.st.lessons) }) },
  ];
  return <KpiCards items={items} />;
}
