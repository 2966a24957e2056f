import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';
import { DAY_STATUSES } from '../calendar/day-status.js';
import { TRACKS } from '../rooms/rooms.schema.js';
import { PATROL_NOTE_MAX, PatrolScoresSchema } from './patrol.form.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.Integer({ minimum: 1 });

/** What a patroller sees of a lesson on the wall: ready to watch, still processing, failed, or a record without video. */
export const LESSON_STATES = ['ready', 'processing', 'failed', 'no_video'] as const;

export const LessonParams = Type.Object({ recordingId: Id });

export const WallQuery = Type.Object({
  countyId: Type.Optional(Id),
  schoolId: Type.Optional(Id),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 48 }),
});

export const WallLessonSchema = Type.Object({
  recordingId: Type.Integer({ description: 'the lesson\'s first track: open it in the player' }),
  groupId: Type.String(),
  track: Type.Enum(TRACKS, { description: 'the track the player opens on' }),
  schoolId: Type.Integer(),
  schoolCode: Type.String(),
  schoolName: Type.String(),
  title: Type.String(),
  subject: Type.String(),
  grade: Type.String(),
  teacherName: Type.String(),
  lessonStart: Type.String(),
  lessonEnd: Nullable(Type.String()),
  state: Type.Enum(LESSON_STATES),
  progress: Type.Integer(),
  poster: Nullable(Type.String({ description: 'the poster frame (a short-lived media URL); null until there is one' })),
  patrols: Type.Integer({ description: 'patrols of this lesson today that the caller may see' }),
  mine: Nullable(Type.Object({ id: Type.Integer(), score: Type.Number() })),
});

export const WallSchema = Type.Object({
  day: Type.String({ description: 'today (Asia/Shanghai)' }),
  dayStatus: Nullable(Type.Enum(DAY_STATUSES)),
  dayName: Nullable(Type.String()),
  items: Type.Array(WallLessonSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const PatrolBody = Type.Object({
  scores: PatrolScoresSchema,
  note: Type.String({ maxLength: PATROL_NOTE_MAX, default: '' }),
});

export const PatrolSchema = Type.Object({
  id: Type.Integer(),
  recordingId: Type.Integer(),
  groupId: Type.String(),
  schoolId: Type.Integer(),
  schoolCode: Type.String(),
  schoolName: Type.String(),
  countyName: Type.String(),
  teacherName: Type.String(),
  subject: Type.String(),
  grade: Type.String(),
  patrolDay: Type.String(),
  patrollerUserId: Type.Integer(),
  patrollerName: Type.String(),
  scores: PatrolScoresSchema,
  score: Type.Number({ description: 'the mean of the items, 1–5' }),
  note: Type.String(),
  createdAt: Type.String(),
  updatedAt: Nullable(Type.String()),
  mine: Type.Boolean(),
});

export const LessonPatrolsSchema = Type.Object({
  lesson: WallLessonSchema,
  /** Whether the caller may score this lesson now (patrol:write over its school, and it is today's). */
  canPatrol: Type.Boolean(),
  /** Why not: the caller only reads patrols, the lesson is not today's, or it cannot be watched. */
  whyNot: Nullable(Type.Enum(['no_right', 'not_today', 'not_ready'] as const)),
  mine: Nullable(PatrolSchema),
  patrols: Type.Array(PatrolSchema),
});

export const RecordsQuery = Type.Object({
  from: Type.Optional(dayText()),
  to: Type.Optional(dayText()),
  countyId: Type.Optional(Id),
  schoolId: Type.Optional(Id),
  teacherUserId: Type.Optional(Id),
  mine: Type.Optional(Type.Boolean({ description: 'true: only the caller\'s own patrols' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const RecordsPage = Type.Object({ items: Type.Array(PatrolSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const StatsQuery = Type.Object({
  termId: Type.Optional(Id),
  from: Type.Optional(dayText('with `to`: a range instead of a term')),
  to: Type.Optional(dayText()),
  countyId: Type.Optional(Id),
  schoolId: Type.Optional(Id),
  subject: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
});

export const ExportQuery = Type.Object({
  ...StatsQuery.properties,
  by: Type.Union([Type.Literal('school'), Type.Literal('teacher')], { default: 'school' }),
});

const Figures = {
  patrols: Type.Integer(),
  lessons: Type.Integer({ description: 'distinct lessons patrolled' }),
  meanScore: Nullable(Type.Number()),
};

export const TermSchema = Type.Object({ id: Type.Integer(), name: Type.String(), startsOn: Type.String(), endsOn: Type.String() });

export const SchoolStatSchema = Type.Object({
  schoolId: Type.Integer(), schoolCode: Type.String(), schoolName: Type.String(), countyName: Type.String(),
  ...Figures, patrollers: Type.Integer({ description: 'distinct patrollers' }),
});

export const TeacherStatSchema = Type.Object({
  teacherUserId: Nullable(Type.Integer()), teacherName: Type.String(), schoolId: Type.Integer(), schoolName: Type.String(), ...Figures,
});

export const StatsSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  term: Nullable(TermSchema),
  terms: Type.Array(TermSchema),
  totals: Type.Object({ ...Figures, schools: Type.Integer(), patrollers: Type.Integer() }),
  schools: Type.Array(SchoolStatSchema),
  teachers: Type.Array(TeacherStatSchema),
  teachersTotal: Type.Integer({ description: 'teachers patrolled; the list shows the first TEACHERS_SHOWN' }),
});
