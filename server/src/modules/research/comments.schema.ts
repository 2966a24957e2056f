import { type TSchema, Type } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/**
 * The most comments one lesson holds in one place (inside one activity, or outside any): the list
 * answers them all at once, without pages, so a further comment is refused past this many.
 */
export const COMMENTS_PER_LESSON_CAP = 2000;
/** A lesson is at most this long on its clock (a whole school day, with room to spare). */
const LESSON_MS_MAX = 12 * 3600 * 1000;

export const LessonParams = Type.Object({ recordingId: Type.Integer({ minimum: 1 }) });
export const CommentParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ListQuery = Type.Object({
  activityId: Type.Optional(Type.Integer({ minimum: 1, description: 'The activity the lesson is opened in; absent: the comments made outside any activity' })),
});

const Body = Type.String({ minLength: 1, maxLength: 4000, description: 'The comment (plain text, line breaks kept)' });
const RubricItemKey = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$', description: 'An item key of the activity\'s observation rubric' });

export const CreateCommentBody = Type.Object({
  activityId: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'The activity the comment is made in (seen by its participants); null or absent: outside any activity' }))),
  atMs: Type.Integer({ minimum: 0, maximum: LESSON_MS_MAX, description: 'The moment on the lesson\'s clock, in milliseconds' }),
  body: Body,
  rubricItemKey: Type.Optional(Nullable(RubricItemKey)),
});

export const ReplyBody = Type.Object({
  body: Body,
  rubricItemKey: Type.Optional(Nullable(RubricItemKey)),
});

export const EditCommentBody = Type.Object({ body: Body });

export const CommentAuthor = Type.Object({
  userId: Type.Integer(),
  name: Type.String(),
  /** The role shown beside the name (the one held at the lesson's school first); null: none left. */
  role: Nullable(Type.String()),
  department: Nullable(Type.String()),
  /** The school, county or city that role is held at. */
  orgName: Nullable(Type.String()),
});

export const CommentSchema = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  atMs: Type.Integer(),
  /** '' once deleted (the thread keeps its place, shown as 已删除). */
  body: Type.String(),
  deleted: Type.Boolean(),
  rubricItemKey: Nullable(Type.String()),
  author: CommentAuthor,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  edited: Type.Boolean(),
  /** For a reply to a reply: whom it answers. */
  replyTo: Nullable(Type.Object({ id: Type.Integer(), authorName: Type.String() })),
  canEdit: Type.Boolean(),
  canDelete: Type.Boolean(),
});

/** A comment at a time with its replies (replies to replies too), oldest first. */
export const ThreadSchema = Type.Object({ ...CommentSchema.properties, replies: Type.Array(CommentSchema) });

export const CommentListSchema = Type.Object({
  recordingId: Type.Integer(),
  activityId: Nullable(Type.Integer()),
  teacherUserId: Nullable(Type.Integer()),
  /** Whether new comments, replies and edits are taken (an activity's review window). */
  reviewsOpen: Type.Boolean(),
  /** Whether the viewer may delete others' comments here (the activity's organiser). */
  canModerate: Type.Boolean(),
  /** The activity rubric's items, the tags a comment may carry (empty: no rubric). */
  rubricItems: Type.Array(Type.Object({ key: Type.String(), text: Type.String(), dimension: Type.String() })),
  cap: Type.Integer(),
  /** Comments shown, replies and deleted ones kept for their threads included. */
  total: Type.Integer(),
  threads: Type.Array(ThreadSchema),
});

export const CommentEditsSchema = Type.Object({
  current: Type.Object({ body: Type.String(), updatedAt: Type.String() }),
  /** Earlier wordings, newest first. */
  items: Type.Array(Type.Object({ body: Type.String(), editedAt: Type.String(), editedByName: Type.String() })),
});
