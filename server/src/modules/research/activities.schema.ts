import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';
import { BookingSchema } from '../rooms/bookings.schema.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = () => Type.Integer({ minimum: 1 });

/** 集体备课 · 同课异构 · 公开课 · 评课议课 */
export const ACTIVITY_KINDS = ['joint_prep', 'same_topic', 'open_lesson', 'lesson_review'] as const;
/** planned → open (for review) → summarised. */
export const ACTIVITY_STATUSES = ['planned', 'open', 'summarised'] as const;
/** A member teaches (their lessons are attached) or observes (reviews). */
export const MEMBER_ROLES = ['teacher', 'observer'] as const;
export const FILE_KINDS = ['lesson_plan', 'courseware', 'other'] as const;
/** Where an activity is organised: the city, a county, or a school. */
export const ACTIVITY_LEVELS = ['city', 'county', 'school'] as const;

export const ActivityParams = Type.Object({ id: Id() });
export const LessonParams = Type.Object({ id: Id(), recordingId: Id() });
export const FileParams = Type.Object({ id: Id(), fileId: Id() });

const MemberInput = Type.Object({ userId: Id(), role: Type.Enum(MEMBER_ROLES) });

const ActivityFields = {
  kind: Type.Enum(ACTIVITY_KINDS),
  topic: Type.String({ minLength: 1, maxLength: 100 }),
  subject: Type.String({ minLength: 1, maxLength: 20 }),
  grade: Type.String({ maxLength: 20 }),
  description: Type.String({ maxLength: 5000 }),
  schoolIds: Type.Array(Id(), { minItems: 1, maxItems: 50, uniqueItems: true }),
  members: Type.Array(MemberInput, { maxItems: 200 }),
  startsOn: dayText(),
  endsOn: dayText(),
  reviewDeadline: Nullable(Type.String({ format: 'date-time', maxLength: 40, description: 'reviews taken until this instant; null: until summarised' })),
  rubricId: Nullable(Id()),
  stIntervalSeconds: Type.Integer({ minimum: 5, maximum: 300, description: 'S-T coding interval (30 s by default)' }),
};

export const CreateActivityBody = Type.Object({
  ...ActivityFields,
  description: Type.Optional(ActivityFields.description),
  members: Type.Optional(ActivityFields.members),
  reviewDeadline: Type.Optional(ActivityFields.reviewDeadline),
  rubricId: Type.Optional(ActivityFields.rubricId),
  stIntervalSeconds: Type.Optional(ActivityFields.stIntervalSeconds),
  /** The research group the activity belongs to (its feed shows it); its leader may organise it. */
  groupId: Type.Optional(Nullable(Id())),
});

/** Any of the fields; schools and members replace the lists (not after the summary). */
export const UpdateActivityBody = Type.Partial(Type.Object(ActivityFields));

export const SummaryBody = Type.Object({ summary: Type.String({ minLength: 1, maxLength: 20000 }) });
export const AttachBody = Type.Object({ recordingId: Id() });

export const ListQuery = Type.Object({
  /** mine: activities the caller is in; supervised: every activity the caller reaches (their own and those they supervise). */
  view: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('supervised')])),
  status: Type.Optional(Type.Enum(ACTIVITY_STATUSES)),
  kind: Type.Optional(Type.Enum(ACTIVITY_KINDS)),
  subject: Type.Optional(Type.String({ maxLength: 20 })),
  countyId: Type.Optional(Id()),
  schoolId: Type.Optional(Id()),
  groupId: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 50, description: 'words of the topic' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});
export const CountsQuery = Type.Omit(ListQuery, ['page', 'pageSize', 'status']);

export const FileQuery = Type.Object({
  kind: Type.Enum(FILE_KINDS),
  /** The attached lesson (research_activity_lessons id) the file belongs to; none: the activity's own. */
  lessonId: Type.Optional(Id()),
});

export const PeopleQuery = Type.Object({
  schoolId: Type.Optional(Id()),
  countyId: Type.Optional(Id()),
  cityId: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 20 })),
});

const SchoolRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), countyId: Type.Integer(), countyName: Type.String() });

export const ActivitySummarySchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(ACTIVITY_KINDS),
  topic: Type.String(),
  subject: Type.String(),
  grade: Type.String(),
  status: Type.Enum(ACTIVITY_STATUSES),
  level: Type.Enum(ACTIVITY_LEVELS),
  /** The organising node's name: the city, the county or the school. */
  nodeName: Type.String(),
  cityId: Type.Integer(),
  countyId: Nullable(Type.Integer()),
  schoolId: Nullable(Type.Integer()),
  groupId: Nullable(Type.Integer()),
  groupName: Nullable(Type.String()),
  organiserUserId: Type.Integer(),
  organiserName: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  reviewDeadline: Nullable(Type.String()),
  schools: Type.Array(SchoolRef),
  lessonCount: Type.Integer(),
  memberCount: Type.Integer(),
});

export const ActivityPage = Type.Object({ items: Type.Array(ActivitySummarySchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const ActivityCountsSchema = Type.Object({
  total: Type.Integer(),
  byStatus: Type.Object({ planned: Type.Integer(), open: Type.Integer(), summarised: Type.Integer() }),
  byKind: Type.Object({ joint_prep: Type.Integer(), same_topic: Type.Integer(), open_lesson: Type.Integer(), lesson_review: Type.Integer() }),
});

export const MemberSchema = Type.Object({
  userId: Type.Integer(),
  name: Type.String(),
  role: Type.Union([Type.Literal('organiser'), Type.Enum(MEMBER_ROLES)]),
  schoolId: Nullable(Type.Integer()),
  schoolName: Nullable(Type.String()),
});

export const ActivityLessonSchema = Type.Object({
  /** research_activity_lessons id (files of the lesson name it). */
  id: Type.Integer(),
  recordingId: Type.Integer(),
  title: Type.String(),
  teacherUserId: Nullable(Type.Integer()),
  teacherName: Type.String(),
  schoolId: Type.Integer(),
  schoolName: Type.String(),
  countyName: Type.String(),
  subject: Type.String(),
  grade: Type.String(),
  lessonStart: Nullable(Type.String()),
  /** As the recording was probed: seconds with their fraction (97.16), like the recordings API. */
  durationSeconds: Nullable(Type.Number()),
  /** The recording's state; `gone` when it was deleted or purged since it was attached. */
  status: Type.Union([Type.Literal('queued'), Type.Literal('processing'), Type.Literal('ready'), Type.Literal('failed'), Type.Literal('gone')]),
  position: Type.Integer(),
  attachedByName: Type.String(),
  attachedAt: Type.String(),
  /** Whether the viewer may detach it (its attacher or the organiser, before the summary). */
  mayDetach: Type.Boolean(),
});

export const ActivityFileSchema = Type.Object({
  id: Type.Integer(),
  lessonId: Nullable(Type.Integer()),
  kind: Type.Enum(FILE_KINDS),
  name: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  uploadedByName: Type.String(),
  createdAt: Type.String(),
  mayDelete: Type.Boolean(),
});

export const ActivityDetailSchema = Type.Object({
  ...ActivitySummarySchema.properties,
  description: Type.String(),
  rubricId: Nullable(Type.Integer()),
  rubricName: Nullable(Type.String()),
  stIntervalSeconds: Type.Integer(),
  summary: Nullable(Type.String()),
  summarisedAt: Nullable(Type.String()),
  summarisedByName: Nullable(Type.String()),
  createdAt: Type.String(),
  members: Type.Array(MemberSchema),
  lessons: Type.Array(ActivityLessonSchema),
  files: Type.Array(ActivityFileSchema),
  bookings: Type.Array(BookingSchema),
  /** What the viewer may do: edit (and change the state), attach lessons and files, review the lessons. */
  mayEdit: Type.Boolean(),
  mayAttach: Type.Boolean(),
  mayReview: Type.Boolean(),
  /** Whether the viewer organises it (or supervises its organising node): they moderate it. */
  organises: Type.Boolean(),
  isMember: Type.Boolean(),
});

/** The research lesson page's brief: the lesson and the activity it is opened in. */
export const LessonBriefSchema = Type.Object({
  activity: Type.Object({
    id: Type.Integer(),
    topic: Type.String(),
    kind: Type.Enum(ACTIVITY_KINDS),
    status: Type.Enum(ACTIVITY_STATUSES),
    rubricId: Nullable(Type.Integer()),
    stIntervalSeconds: Type.Integer(),
    reviewDeadline: Nullable(Type.String()),
    organises: Type.Boolean(),
    mayReview: Type.Boolean(),
  }),
  lesson: ActivityLessonSchema,
  groupId: Type.String(),
  track: Type.String(),
  /** The activity's other lessons, for moving between them (同课异构). */
  siblings: Type.Array(Type.Object({ recordingId: Type.Integer(), title: Type.String(), teacherName: Type.String(), schoolName: Type.String() })),
  files: Type.Array(ActivityFileSchema),
});

export const ResearchPersonSchema = Type.Object({
  userId: Type.Integer(),
  name: Type.String(),
  role: Type.String(),
  schoolId: Nullable(Type.Integer()),
  countyId: Nullable(Type.Integer()),
});
export const ResearchPeople = Type.Object({ items: Type.Array(ResearchPersonSchema) });
