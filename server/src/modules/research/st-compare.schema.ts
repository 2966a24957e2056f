import { type TSchema, Type } from 'typebox';
import { TRACKS } from '../rooms/rooms.schema.js';
import { FiguresSchema, LessonTypeSchema } from './st-codings.schema.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ActivityParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const CompareQuery = Type.Object({
  lessons: Type.String({ maxLength: 40, description: 'two or three of the activity\'s lessons, as recording ids separated by commas: 12,15[,19]' }),
  coderUserId: Type.Optional(Type.Integer({ minimum: 1, description: 'whose coding to draw each curve from (where they coded the lesson); default: each lesson\'s first coder' })),
});

export const CurveSchema = Type.Object({
  codingId: Type.Integer(),
  coderUserId: Type.Integer(),
  coderName: Type.String(),
  intervalSeconds: Type.Integer(),
  codes: Type.String(),
  figures: FiguresSchema,
  /** The S-T curve: cumulative teacher and student seconds at each sample's end on the lesson clock. */
  points: Type.Array(Type.Object({ atSeconds: Type.Number(), t: Type.Number(), s: Type.Number() })),
});

export const CompareLessonSchema = Type.Object({
  recordingId: Type.Integer(),
  /** The representative track's kind, for the player. */
  track: Type.Enum(TRACKS),
  title: Type.String(),
  teacherName: Type.String(),
  schoolId: Type.Integer(),
  schoolName: Type.String(),
  /** As the recording was probed: seconds with their fraction (97.16), like the recordings API. */
  durationSeconds: Nullable(Type.Number()),
  position: Type.Integer(),
  codings: Type.Array(Type.Object({
    codingId: Type.Integer(), coderUserId: Type.Integer(), coderName: Type.String(), rt: Nullable(Type.Number()), ch: Nullable(Type.Number()),
    type: Nullable(LessonTypeSchema), n: Type.Integer(),
  })),
  /** Mean Rt and Ch over the codings that coded anything, and the type of those means. */
  summary: Type.Object({ coders: Type.Integer(), meanRt: Nullable(Type.Number()), meanCh: Nullable(Type.Number()), type: Nullable(LessonTypeSchema) }),
  curve: Nullable(CurveSchema),
});

export const CompareSchema = Type.Object({
  activityId: Type.Integer(),
  topic: Type.String(),
  kind: Type.String(),
  intervalSeconds: Type.Integer(),
  lessons: Type.Array(CompareLessonSchema),
  /** Everyone who coded one of these lessons in the activity, for choosing whose curves to draw. */
  coders: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String() })),
});
