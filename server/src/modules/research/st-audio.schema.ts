import { type TSchema, Type } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** S-T sampling intervals a draft may be asked for (the method's usual 30 s; 10–120 s). */
export const ST_AUDIO_MIN_INTERVAL = 10;
export const ST_AUDIO_MAX_INTERVAL = 120;
const IntervalSeconds = Type.Integer({ minimum: ST_AUDIO_MIN_INTERVAL, maximum: ST_AUDIO_MAX_INTERVAL, description: 'S-T interval in seconds (default: the activity\'s, else 30)' });

export const StAudioParams = Type.Object({ recordingId: Type.Integer({ minimum: 1 }) });

export const StAudioQuery = Type.Object({
  activityId: Type.Optional(Type.Integer({ minimum: 1, description: 'The activity the lesson is opened in (omit: outside any activity)' })),
  intervalSeconds: Type.Optional(IntervalSeconds),
});

export const StAudioRequestBody = Type.Object({
  activityId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  intervalSeconds: Type.Optional(IntervalSeconds),
});

export const ST_AUDIO_STATES = ['none', 'queued', 'done', 'unavailable', 'failed'] as const;

const Side = Type.Object({
  recordingId: Type.Integer(),
  track: Type.String(),
  channel: Nullable(Type.Union([Type.Literal('left'), Type.Literal('right')])),
  speechDb: Type.Number(),
  noiseDb: Type.Number(),
  speechSeconds: Type.Number(),
});

export const StAudioDetailSchema = Type.Object({
  source: Type.Union([Type.Literal('channels'), Type.Literal('tracks')]),
  teacher: Side,
  students: Side,
  teacherChosenBy: Type.Union([Type.Literal('track'), Type.Literal('snr'), Type.Literal('convention')]),
  shares: Type.Object({ teacher: Type.Number(), students: Type.Number(), silence: Type.Number() }),
  durationSeconds: Type.Number(),
  correlation: Nullable(Type.Number()),
  levelSpreadDb: Nullable(Type.Number()),
  frameMs: Type.Integer(),
});

export const StAudioAgreementSchema = Type.Object({
  codingId: Type.Integer(),
  coderUserId: Type.Integer(),
  coderName: Type.String(),
  activityId: Nullable(Type.Integer()),
  intervalSeconds: Type.Integer(),
  codedAt: Type.String(),
  /** False when the coding's interval differs from the draft's: ask for a draft at its interval. */
  comparable: Type.Boolean(),
  kappa: Nullable(Type.Number()),
  observed: Nullable(Type.Number()),
  /** Intervals compared: those both the draft and the coder decided ('-' on either side is skipped). */
  items: Type.Integer(),
  /** Intervals both have. */
  intervals: Type.Integer(),
});

export const StAudioDraftSchema = Type.Object({
  recordingId: Type.Integer(),
  activityId: Nullable(Type.Integer()),
  intervalSeconds: Type.Integer(),
  state: Type.Enum(ST_AUDIO_STATES),
  reasonCode: Nullable(Type.String()),
  reasonMessage: Nullable(Type.String()),
  /** T, S or '-' (mostly silence) per interval; null until done. */
  codes: Nullable(Type.String()),
  detail: Nullable(StAudioDetailSchema),
  requestedAt: Nullable(Type.String()),
  computedAt: Nullable(Type.String()),
  agreements: Type.Array(StAudioAgreementSchema),
});
