import { type TSchema, Type } from 'typebox';
import { RUBRIC_KEY_PATTERN, RUBRIC_STATUSES, RubricDefinition } from './rubrics.schema.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ActivityParams = Type.Object({ activityId: Type.Integer({ minimum: 1 }) });
export const LessonParams = Type.Object({ activityId: Type.Integer({ minimum: 1 }), recordingId: Type.Integer({ minimum: 1 }) });

export const SaveScoresBody = Type.Object({
  items: Type.Array(Type.Object({
    itemKey: Type.String({ pattern: RUBRIC_KEY_PATTERN, minLength: 1, maxLength: 40 }),
    /** A level's score; null takes the item's score (and note) back. */
    score: Nullable(Type.Number({ minimum: 0, maximum: 1000 })),
    /** Left out: the note stays as it was. */
    note: Type.Optional(Type.String({ maxLength: 500 })),
  }), { minItems: 1, maxItems: 100 }),
});

const RubricRef = Type.Object({
  id: Type.Integer(), name: Type.String(), version: Type.Integer(), status: Type.Enum(RUBRIC_STATUSES),
});

export const ScoreSheetSchema = Type.Object({
  activityId: Type.Integer(),
  recordingId: Type.Integer(),
  rubric: Type.Object({ ...RubricRef.properties, definition: RubricDefinition }),
  /** The caller's own scores of this lesson. */
  scores: Type.Array(Type.Object({ itemKey: Type.String(), score: Type.Number(), note: Type.String(), updatedAt: Type.String() })),
  /** Whether the activity takes scores now; else why not (the code and sentence of the refusal). */
  reviewsOpen: Type.Boolean(),
  closedCode: Nullable(Type.String()),
  closedMessage: Nullable(Type.String()),
  /** The caller teaches this lesson: they read, but do not score it. */
  ownLesson: Type.Boolean(),
});

export const AgreementSchema = Type.Object({
  observers: Type.Integer({ description: 'observers with at least one score' }),
  items: Type.Integer({ description: 'items scored by two observers or more (alpha\'s units)' }),
  alpha: Nullable(Type.Number({ description: 'Krippendorff\'s alpha, interval metric' })),
  icc: Nullable(Type.Number({ description: 'ICC(2,1), two-way random, absolute agreement' })),
  iccMean: Nullable(Type.Number({ description: 'ICC(2,k): the reliability of the observers\' mean' })),
  iccItems: Type.Integer({ description: 'items every observer scored (the ICC\'s n)' }),
  exactShare: Nullable(Type.Number({ description: 'share of compared items where all observers chose the same level' })),
});

export const ResultItemSchema = Type.Object({
  key: Type.String(), text: Type.String(), dimensionKey: Type.String(), dimensionName: Type.String(),
  weight: Type.Number(), min: Type.Number(), max: Type.Number(),
});

export const LessonResultsSchema = Type.Object({
  recordingId: Type.Integer(),
  schoolId: Type.Integer(),
  schoolName: Type.String(),
  title: Type.String(),
  teacherName: Type.String(),
  position: Type.Integer(),
  observers: Type.Array(Type.Object({
    userId: Type.Integer(),
    name: Type.String(),
    scores: Type.Array(Type.Object({ itemKey: Type.String(), score: Type.Number(), note: Type.String() })),
    scored: Type.Integer(),
    complete: Type.Boolean(),
    /** Σ weight × score, once every item is scored. */
    total: Nullable(Type.Number()),
  })),
  items: Type.Array(Type.Object({
    key: Type.String(),
    n: Type.Integer(),
    mean: Nullable(Type.Number()),
    sd: Nullable(Type.Number()),
    min: Nullable(Type.Number()),
    max: Nullable(Type.Number()),
    range: Nullable(Type.Number()),
    /** How many levels apart the highest and lowest score are. */
    levelSpread: Nullable(Type.Integer()),
    disagree: Type.Boolean(),
  })),
  meanTotal: Nullable(Type.Number()),
  meanPercent: Nullable(Type.Number()),
  completeObservers: Type.Integer(),
  agreement: AgreementSchema,
});

export const ActivityRubricResultsSchema = Type.Object({
  activityId: Type.Integer(),
  topic: Type.String(),
  rubric: Nullable(RubricRef),
  items: Type.Array(ResultItemSchema),
  /** Σ weight × highest level. */
  maxTotal: Nullable(Type.Number()),
  lessons: Type.Array(LessonResultsSchema),
  /** Over every lesson's items together. */
  overall: AgreementSchema,
});
