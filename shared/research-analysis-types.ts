/**
 * The API shapes of the research analysis (教研分析), derived from the server's TypeBox schemas
 * like api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  AbsentAnswerSchema, CountiesAnswerSchema, MineAnswerSchema, SchoolsAnswerSchema, TeachersAnswerSchema, TermsSchema,
} from '../server/src/modules/research/analysis.schema.js';

export type AnalysisTerms = Static<typeof TermsSchema>;
export type AnalysisSchools = Static<typeof SchoolsAnswerSchema>;
export type AnalysisSchoolRow = AnalysisSchools['rows'][number];
export type AnalysisCounties = Static<typeof CountiesAnswerSchema>;
export type AnalysisCountyRow = AnalysisCounties['rows'][number];
export type AnalysisTeachers = Static<typeof TeachersAnswerSchema>;
export type AnalysisTeacherRow = AnalysisTeachers['rows'][number];
export type AnalysisMine = Static<typeof MineAnswerSchema>;
export type AnalysisAbsent = Static<typeof AbsentAnswerSchema>;
export type AnalysisAbsentRow = AnalysisAbsent['rows'][number];
export type AnalysisPeriod = AnalysisSchools['period'];
/** What every analysis list is asked for: a term, or an explicit range. */
export interface AnalysisPeriodQuery {
  termId?: number;
  from?: string;
  to?: string;
}
