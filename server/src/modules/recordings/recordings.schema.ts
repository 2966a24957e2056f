import { Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';
import { TRACKS } from '../rooms/rooms.schema.js';
import { COUNTS_REASONS } from './counting.js';

export const RECORDING_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];
export type Track = (typeof TRACKS)[number];
export { TRACKS };

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Day = dayText();

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const RecordingFilterQuery = Type.Object({
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  schoolId: Type.Optional(Type.Integer({ minimum: 1 })),
  /** First and last school day, inclusive. */
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  subject: Type.Optional(Type.String({ maxLength: 20 })),
  counts: Type.Optional(Type.Boolean()),
  status: Type.Optional(Type.Enum(RECORDING_STATUSES)),
  mine: Type.Optional(Type.Boolean({ description: 'true: only lessons the caller taught or uploaded (我的录播课)' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const RecordingSummarySchema = Type.Object({
  id: Type.Integer(),
  groupId: Type.String(),
  track: Type.Enum(TRACKS),
  title: Type.String(),
  subject: Type.String(),
  grade: Type.String(),
  teacherName: Type.String(),
  /** The teacher's account where the lesson names one (research tells them of comments). */
  teacherUserId: Nullable(Type.Integer()),
  schoolId: Type.Integer(),
  schoolName: Type.String(),
  schoolCode: Type.String(),
  countyId: Type.Integer(),
  roomId: Nullable(Type.Integer()),
  lessonStart: Type.String(),
  lessonEnd: Nullable(Type.String()),
  schoolDay: Type.String(),
  status: Type.Enum(RECORDING_STATUSES),
  /** 0–100 while processing. */
  progress: Type.Integer(),
  durationSeconds: Nullable(Type.Number()),
  counts: Type.Boolean(),
  /** Why the recording does not count as a recorded lesson (Chinese); null when it counts. */
  countsReason: Nullable(Type.String()),
  /** The same reason as a code, for a translation (null for lessons recorded before codes were kept). */
  countsReasonCode: Nullable(Type.Enum(COUNTS_REASONS)),
  /** The numbers and days the reason names: minutes/minMinutes (too_short), maxDb (silent), startDay/schoolDay (other_day). */
  countsReasonValues: Nullable(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  failureCode: Nullable(Type.String()),
  failureMessage: Nullable(Type.String()),
  /**
   * The same file was also uploaded by another school: `copy` (this one came later and counts for
   * nobody) or `original` (another school uploaded it again later). The other school is never named.
   */
  reuse: Nullable(Type.Enum(['copy', 'original'] as const)),
  /** Whether that other school is in another county (false: another school of the same county). */
  reuseOtherCounty: Nullable(Type.Boolean()),
  createdAt: Type.String(),
  readyAt: Nullable(Type.String()),
  /** False for a lesson kept as a record only (history without a video file): never offered for playback. */
  hasVideo: Type.Boolean(),
});

export const RecordingPage = Type.Object({
  items: Type.Array(RecordingSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/** How far apart a lesson's cameras may have started: ten minutes either way. */
export const MAX_START_OFFSET_MS = 600_000;

export const TrackSchema = Type.Object({
  id: Type.Integer(),
  track: Type.Enum(TRACKS),
  status: Type.Enum(RECORDING_STATUSES),
  progress: Type.Integer(),
  /** Where the track's first frame lies on the lesson's clock, ms (cameras that started apart). */
  startOffsetMs: Type.Integer(),
});

export const StartOffsetBody = Type.Object({
  startOffsetMs: Type.Integer({ minimum: -MAX_START_OFFSET_MS, maximum: MAX_START_OFFSET_MS }),
}, { additionalProperties: false });

export const RecordingDetailSchema = Type.Intersect([
  RecordingSummarySchema,
  Type.Object({
    sizeBytes: Type.Number(),
    sha256: Type.String(),
    packaging: Nullable(Type.Enum(['copy', 'transcode'] as const)),
    hasAudio: Nullable(Type.Boolean()),
    audioMaxDb: Nullable(Type.Number()),
    keep: Type.Boolean(),
    /** Every track of the lesson (this one included). */
    tracks: Type.Array(TrackSchema),
  }),
]);

export const PlaybackSchema = Type.Object({
  /** The media token of the asked-for track; ≤ 10 minutes, bound to viewer and recording. */
  token: Type.String(),
  expiresAt: Type.String(),
  /** Master playlist of the asked-for track. */
  master: Type.String(),
  /** Every ready track of the lesson, each with its own token in its URL. */
  tracks: Type.Array(Type.Object({
    recordingId: Type.Integer(),
    track: Type.Enum(TRACKS),
    master: Type.String(),
    poster: Type.String(),
    /** The scrub thumbnails' WebVTT map (sprite tiles by time); 404 until the thumbnail job ran. */
    thumbnails: Type.String(),
    /** Where the track's first frame lies on the lesson's clock, ms: the player keeps tracks in step by it. */
    startOffsetMs: Type.Integer(),
  })),
});

export const MediaParams = Type.Object({
  token: Type.String({ maxLength: 120 }),
  '*': Type.String({ maxLength: 300 }),
});
