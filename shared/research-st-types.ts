/**
 * The S-T analysis API's shapes (codings, agreement, 同课异构 comparison), derived from the
 * server's TypeBox schemas as api-types.ts does. Type-only: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type { AgreementSchema, CodingSchema, LessonCodingsSchema, SaveCodingBody } from '../server/src/modules/research/st-codings.schema.js';
import type { CompareLessonSchema, CompareSchema, CurveSchema } from '../server/src/modules/research/st-compare.schema.js';

export type StCoding = Static<typeof CodingSchema>;
export type StAgreement = Static<typeof AgreementSchema>;
export type StLessonCodings = Static<typeof LessonCodingsSchema>;
export type StSaveCoding = Static<typeof SaveCodingBody>;
export type StCompare = Static<typeof CompareSchema>;
export type StCompareLesson = Static<typeof CompareLessonSchema>;
export type StCompareCurve = Static<typeof CurveSchema>;
