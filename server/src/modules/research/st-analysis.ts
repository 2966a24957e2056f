import {
  alignedSamples, analyseCodes, crossedSamples, isCodeString, lessonType, maxSamples, sampleIndexAt, ST_CODES, ST_THRESHOLDS, stCurve, UNCODED,
  type LessonType, type StCode, type StCurvePoint, type StFigures,
} from '../../../../shared/st-analysis.js';
import { cohensKappa, type KappaResult } from './agreement.js';

/**
 * S-T analysis for the server: the maths (Rt, Ch, lesson type, the S-T curve; the method, its
 * thresholds and their sources are written in shared/st-analysis.ts, which the web reads too)
 * and the agreement of two codings of one lesson.
 */
export {
  alignedSamples, analyseCodes, crossedSamples, isCodeString, lessonType, maxSamples, sampleIndexAt, ST_CODES, ST_THRESHOLDS, stCurve, UNCODED,
  type LessonType, type StCode, type StCurvePoint, type StFigures,
};

export interface StAgreement extends KappaResult {
  /** Seconds between the compared samples (the intervals' least common multiple). */
  stepSeconds: number;
}

/**
 * Cohen's kappa of two codings of one lesson (two observers, or an observer and the automatic
 * draft), over the samples both took at the same lesson moments and both coded.
 */
export function codingAgreement(
  a: { codes: string; intervalSeconds: number },
  b: { codes: string; intervalSeconds: number },
): StAgreement {
  const aligned = alignedSamples(a, b);
  return { ...cohensKappa(aligned.a, aligned.b), stepSeconds: aligned.stepSeconds };
}
