import { type TSchema, Type } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** The coding interval an observer may choose outside an activity (an activity fixes its own). */
export const ST_INTERVAL_MIN = 10;
export const ST_INTERVAL_MAX = 120;
/** Samples a code string may hold at most: 11 hours at the shortest interval; a lesson's own length caps it further. */
export const ST_CODES_MAX = 4000;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const LessonQuery = Type.Object({
  recordingId: Type.Integer({ minimum: 1, description: 'the lesson: any of its tracks' }),
  activityId: Type.Optional(Type.Integer({ minimum: 1, description: 'the activity it is reviewed in; left out: outside any activity' })),
});

export const SaveCodingBody = Type.Object({
  recordingId: Type.Integer({ minimum: 1, description: 'the lesson: any of its tracks' }),
  activityId: Nullable(Type.Integer({ minimum: 1, description: 'the activity it is coded in; null: outside any activity' })),
  intervalSeconds: Type.Optional(Type.Integer({
    minimum: ST_INTERVAL_MIN, maximum: ST_INTERVAL_MAX,
    description: 'seconds between samples; required outside an activity, inside one it must be the activity\'s (or left out)',
  })),
  codes: Type.String({
    maxLength: ST_CODES_MAX,
    description: 'one letter per sample, sample i taken at i × interval on the lesson clock: T teacher, S students, D dialogue, - not coded',
  }),
});

export const LessonTypeSchema = Type.Union([Type.Literal('practice'), Type.Literal('lecture'), Type.Literal('dialogue'), Type.Literal('mixed')]);

/** Rt, Ch and the lesson type of a coding (see st-analysis.ts); null while nothing is coded. */
export const FiguresSchema = Type.Object({
  n: Type.Integer(),
  nT: Type.Integer(),
  nS: Type.Integer(),
  nD: Type.Integer(),
  uncoded: Type.Integer(),
  runs: Type.Integer(),
  rt: Nullable(Type.Number()),
  ch: Nullable(Type.Number()),
  type: Nullable(LessonTypeSchema),
});

export const CodingSchema = Type.Object({
  id: Type.Integer(),
  recordingId: Type.Integer(),
  activityId: Nullable(Type.Integer()),
  coderUserId: Type.Integer(),
  coderName: Type.String(),
  /** Whether the caller made it (may edit and delete it). */
  mine: Type.Boolean(),
  intervalSeconds: Type.Integer(),
  codes: Type.String(),
  figures: FiguresSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const AgreementSchema = Type.Object({
  aCodingId: Type.Integer(),
  bCodingId: Type.Integer(),
  /** Cohen's kappa; null when undefined (both used one and the same code throughout, or nothing in common). */
  kappa: Nullable(Type.Number()),
  /** The share of compared samples coded alike. */
  observed: Nullable(Type.Number()),
  /** Samples compared: taken at the same moments and coded by both. */
  items: Type.Integer(),
  stepSeconds: Type.Integer(),
});

export const LessonCodingsSchema = Type.Object({
  recordingId: Type.Integer(),
  activityId: Nullable(Type.Integer()),
  /** As the recording was probed: seconds with their fraction (97.16), like the recordings API. */
  durationSeconds: Nullable(Type.Number()),
  /** The activity's interval; outside an activity the caller's own coding's, else the default 30 s. */
  intervalSeconds: Type.Integer(),
  /** Whether the interval is the activity's (the observer may not choose another). */
  intervalFixed: Type.Boolean(),
  /** Most samples the lesson holds at that interval (null: its length is unknown). */
  maxSamples: Nullable(Type.Integer()),
  /** Whether the caller may code now (research:write, and the activity takes reviews). */
  canCode: Type.Boolean(),
  codings: Type.Array(CodingSchema),
  /** Every pair of codings, in the order of `codings`. */
  agreements: Type.Array(AgreementSchema),
});
