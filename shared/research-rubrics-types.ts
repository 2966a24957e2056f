/**
 * The API shapes of observation rubrics (课堂观察量表), scoring and the activity's rubric results,
 * derived from the server's TypeBox schemas like api-types.ts. Type-only imports: nothing of the
 * server reaches the browser.
 */
import type { Static } from 'typebox';
import type { RubricBody, RubricDefinition, RubricList, RubricSchema, RubricSummarySchema } from '../server/src/modules/research/rubrics.schema.js';
import type { ActivityRubricResultsSchema, AgreementSchema, LessonResultsSchema, SaveScoresBody, ScoreSheetSchema } from '../server/src/modules/research/scores.schema.js';

export type RubricDefinitionShape = Static<typeof RubricDefinition>;
export type RubricDimension = RubricDefinitionShape['dimensions'][number];
export type RubricItem = RubricDimension['items'][number];
export type RubricLevel = RubricItem['levels'][number];
export type RubricSummary = Static<typeof RubricSummarySchema>;
export type Rubric = Static<typeof RubricSchema>;
export type RubricStatus = Rubric['status'];
export type RubricPage = Static<typeof RubricList>;
export type RubricInput = Static<typeof RubricBody>;

export type ScoreSheet = Static<typeof ScoreSheetSchema>;
export type ScoreInput = Static<typeof SaveScoresBody>['items'][number];
export type RubricAgreement = Static<typeof AgreementSchema>;
export type LessonRubricResults = Static<typeof LessonResultsSchema>;
export type ActivityRubricResults = Static<typeof ActivityRubricResultsSchema>;
