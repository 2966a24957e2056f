import type { Static } from 'typebox';
import { type Actor, permissionsOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import type { RoleAssignmentView } from '../../../../shared/domain.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Notify } from '../notifications/notifications.service.js';
import { namesOf } from '../people/who-answers.js';
import * as q from './comments.queries.js';
import { COMMENTS_PER_LESSON_CAP, type CreateCommentBody, type ReplyBody } from './comments.schema.js';
import { authorOf, type AuthorView, clockText, commentView, rubricItemsOf, threadsOf } from './comments.view.js';
import type { ActivityRow, ReachedLesson, ResearchReach } from './research-reach.js';

type Who = { actor: Actor; ip: string };
/** One person to tell of a comment, and how. */
type Telling = { userId: number; kind: 'lesson_comment' | 'lesson_comment_reply'; title: string };

/** Slack past a lesson's recorded length for a comment's time: tracks start a little apart. */
const PAST_END_SLACK_MS = 10 * 60 * 1000;
const SNIPPET = 80;

export interface CommentsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  reach: ResearchReach;
  notify: Notify;
  /** People's role assignments with the names of their nodes (the auth service's assignmentViewsOf). */
  assignmentsOf: (userIds: number[]) => Promise<Map<number, RoleAssignmentView[]>>;
}

/**
 * Time-stamped comments on a lesson (评课): at a moment on the lesson's clock, threaded, tagged
 * with an item of the activity's observation rubric. Made inside an activity they are its
 * participants' (whoever reaches the activity, the lesson attached to it); made outside any they
 * are for whoever may watch the lesson. Every read and write goes through the research reach, so
 * a comment the actor may not see answers 404 like a missing one. The lesson's teacher hears of
 * comments, an author of replies. Edits keep the earlier wording; deletion (the author, or the
 * activity's organiser) is soft and audited.
 */
export function createCommentsService(deps: CommentsDeps) {
  const db = deps.db.db;
  const { reach } = deps;
  const now = () => deps.clock.now().toISOString();

  function reviewsOpen(act: ActivityRow | null): boolean {
    try {
      reach.assertReviewsOpen(act);
      return true;
    } catch {
      return false;
    }
  }

  const placeOf = (lesson: ReachedLesson, act: ActivityRow | null): q.CommentPlace =>
    ({ schoolId: lesson.schoolId, groupId: lesson.groupId, activityId: act?.id ?? null });

  /** A comment the actor may see, with its lesson and activity; 404 otherwise. */
  async function reachComment(actor: Actor, id: number) {
    const row = await q.findComment(db, id);
    if (!row) throw notFound('评论');
    let reached: Awaited<ReturnType<ResearchReach['lesson']>>;
    try {
      reached = await reach.lesson(actor, { recordingId: row.recording_id, activityId: row.activity_id });
    } catch (err) {
      // The comment's lesson or activity out of reach says no more than a missing comment.
      if (err instanceof AppError && err.status === 404) throw notFound('评论');
      throw err;
    }
    if (reached.lesson.schoolId !== row.school_id || reached.lesson.groupId !== row.group_id) throw notFound('评论');
    return { row, ...reached };
  }

  async function authors(userIds: number[], lessonSchoolId: number): Promise<Map<number, AuthorView>> {
    const ids = [...new Set(userIds)];
    const [names, assignments] = await Promise.all([namesOf(db, ids), deps.assignmentsOf(ids)]);
    return new Map(ids.map((id) => [id, authorOf(id, names.get(id) ?? '', assignments.get(id) ?? [], lessonSchoolId)]));
  }

  async function rubricItems(act: ActivityRow | null) {
    return act?.rubric_id ? rubricItemsOf(await q.rubricDefinition(db, act.rubric_id)) : [];
  }

  async function checkTag(act: ActivityRow | null, key: string | null | undefined): Promise<string | null> {
    if (key === null || key === undefined) return null;
    const items = await rubricItems(act);
    if (!items.length) {
      throw badRequest('COMMENT_TAG_NO_RUBRIC', act
        ? '该教研活动没有选用观察量表，评论不能带量表标签：请去掉标签后再发表'
        : '教研活动之外的评论不能带观察量表标签：量表标签只在选用了量表的教研活动中使用');
    }
    if (!items.some((i) => i.key === key)) throw badRequest('COMMENT_TAG_UNKNOWN', `观察量表中没有「${key}」这一项，请从量表的项目中选择标签`);
    return key;
  }

  async function checkRoom(place: q.CommentPlace) {
    if (await q.countComments(db, place) >= COMMENTS_PER_LESSON_CAP) {
      throw conflict('COMMENT_CAP_REACHED', `这节课在此处已有 ${COMMENTS_PER_LESSON_CAP} 条评论，达到上限，不能再发表新的评论或回复`);
    }
  }

  /** The comments of a lesson in one place (inside the activity, or outside any), as threads in time order. */
  async function list(actor: Actor, recordingId: number, activityId: number | null) {
    const { lesson, activity } = await reach.lesson(actor, { recordingId, activityId });
    const place = placeOf(lesson, activity);
    const [rows, edits, items, canModerate] = await Promise.all([
      q.commentsOf(db, place, COMMENTS_PER_LESSON_CAP),
      q.editCounts(db, place),
      rubricItems(activity),
      activity ? reach.organises(actor, activity) : false,
    ]);
    const open = reviewsOpen(activity);
    const who = await authors(rows.map((r) => r.author_user_id), lesson.schoolId);
    const { threads, shown } = threadsOf(rows, { viewerUserId: actor.userId, reviewsOpen: open, canModerate, authors: who, editCounts: edits });
    return {
      recordingId: lesson.recordingId, activityId: activity?.id ?? null, teacherUserId: lesson.teacherUserId, reviewsOpen: open, canModerate,
      rubricItems: items, cap: COMMENTS_PER_LESSON_CAP, total: shown, threads,
    };
  }

  /** One comment as its author sees it right after writing it. */
  async function viewOne(actor: Actor, row: q.CommentRow, lesson: ReachedLesson, act: ActivityRow | null) {
    const parent = row.parent_id !== null ? await q.findComment(db, row.parent_id) : undefined;
    const who = await authors([row.author_user_id, ...(parent ? [parent.author_user_id] : [])], lesson.schoolId);
    const edits = await q.editsOf(db, row.id);
    return commentView(row, {
      viewerUserId: actor.userId, reviewsOpen: reviewsOpen(act), canModerate: act ? await reach.organises(actor, act) : false,
      author: who.get(row.author_user_id)!, editCount: edits.length,
      parent: parent ? { row: parent, authorName: who.get(parent.author_user_id)?.name ?? '' } : null,
    });
  }

  async function create(w: Who, recordingId: number, body: Static<typeof CreateCommentBody>) {
    const { lesson, activity } = await reach.lesson(w.actor, { recordingId, activityId: body.activityId ?? null });
    reach.assertReviewsOpen(activity);
    if (lesson.durationSeconds !== null && body.atMs > lesson.durationSeconds * 1000 + PAST_END_SLACK_MS) {
      throw badRequest('COMMENT_TIME_PAST_END', `评论时间 ${clockText(body.atMs)} 超出了这节课的时长 ${clockText(lesson.durationSeconds * 1000)}，请在播放器上重新选择时间`);
    }
    const tag = await checkTag(activity, body.rubricItemKey);
    const place = placeOf(lesson, activity);
    await checkRoom(place);
    const at = now();
    const row = await write({
      school_id: lesson.schoolId, group_id: lesson.groupId, recording_id: lesson.recordingId, activity_id: place.activityId, parent_id: null,
      author_user_id: w.actor.userId, at_ms: body.atMs, body: body.body.trim(), rubric_item_key: tag, created_at: at, updated_at: at,
      deleted_at: null, deleted_by_user_id: null,
    }, await whoToTell(w.actor, lesson, place.activityId, null));
    return viewOne(w.actor, row, lesson, activity);
  }

  /** A reply: on the parent's lesson, at its time, in its activity. */
  async function reply(w: Who, parentId: number, body: Static<typeof ReplyBody>) {
    const { row: parent, lesson, activity } = await reachComment(w.actor, parentId);
    reach.assertReviewsOpen(activity);
    if (parent.deleted_at !== null) throw conflict('COMMENT_DELETED', '这条评论已删除，不能再回复或修改');
    const tag = await checkTag(activity, body.rubricItemKey);
    await checkRoom(placeOf(lesson, activity));
    const at = now();
    const row = await write({
      school_id: parent.school_id, group_id: parent.group_id, recording_id: parent.recording_id, activity_id: parent.activity_id, parent_id: parent.id,
      author_user_id: w.actor.userId, at_ms: parent.at_ms, body: body.body.trim(), rubric_item_key: tag, created_at: at, updated_at: at,
      deleted_at: null, deleted_by_user_id: null,
    }, await whoToTell(w.actor, lesson, parent.activity_id, parent));
    return viewOne(w.actor, row, lesson, activity);
  }

  /** The comment and the notifications about it in one transaction: one commit (one disk flush on SQLite). */
  async function write(values: Omit<q.CommentRow, 'id'>, tell: Telling[]): Promise<q.CommentRow> {
    const id = await db.transaction().execute(async (trx) => {
      const commentId = await q.insertComment(trx, values);
      const link = values.activity_id !== null
        ? `/research/activities/${values.activity_id}/lessons/${values.recording_id}?comment=${commentId}`
        : `/recordings/${values.recording_id}?comment=${commentId}`;
      const snippet = values.body.length > SNIPPET ? `${values.body.slice(0, SNIPPET)}…` : values.body;
      for (const one of tell) {
        await deps.notify([one.userId], { kind: one.kind, title: one.title, body: `${clockText(values.at_ms)} · ${snippet}`, link, dedupeKey: `lesson_comment:${commentId}` }, trx);
      }
      return commentId;
    });
    return (await q.findComment(db, id))!;
  }

  /** Only the author edits, while reviews are open; the wording replaced is kept. */
  async function edit(w: Who, id: number, body: string) {
    const { row, lesson, activity } = await reachComment(w.actor, id);
    if (row.author_user_id !== w.actor.userId) throw new AppError(403, 'COMMENT_NOT_AUTHOR', '只有评论的作者可以修改这条评论');
    if (row.deleted_at !== null) throw conflict('COMMENT_DELETED', '这条评论已删除，不能再回复或修改');
    reach.assertReviewsOpen(activity);
    const text = body.trim();
    if (text !== row.body) await q.editComment(db, { id, bodyBefore: row.body, body: text, userId: w.actor.userId, at: now() });
    return viewOne(w.actor, (await q.findComment(db, id))!, lesson, activity);
  }

  /** The author (while reviews are open) or the activity's organiser deletes; audited either way. */
  async function remove(w: Who, id: number): Promise<void> {
    const { row, activity } = await reachComment(w.actor, id);
    if (row.deleted_at !== null) throw conflict('COMMENT_DELETED', '这条评论已删除，不能再回复或修改');
    const author = row.author_user_id === w.actor.userId;
    const moderates = activity ? await reach.organises(w.actor, activity) : false;
    if (!moderates) {
      if (!author) throw new AppError(403, 'COMMENT_DELETE_NOT_ALLOWED', '只有评论的作者或教研活动的组织者可以删除这条评论');
      reach.assertReviewsOpen(activity);
    }
    if (!await q.markDeleted(db, id, w.actor.userId, now())) throw conflict('COMMENT_DELETED', '这条评论已删除，不能再回复或修改');
    await deps.audit.record({
      actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip, action: 'lesson_comment.delete', targetType: 'lesson_comment', targetId: id,
      result: 'success',
      detail: { recordingId: row.recording_id, activityId: row.activity_id, authorUserId: row.author_user_id, byAuthor: author, deleted: row.body.slice(0, 200) },
    });
  }

  /** A comment's wording now and before each edit (newest first). */
  async function edits(actor: Actor, id: number) {
    const { row } = await reachComment(actor, id);
    if (row.deleted_at !== null) throw conflict('COMMENT_DELETED', '这条评论已删除，不能再回复或修改');
    const items = await q.editsOf(db, id);
    const names = await namesOf(db, items.map((e) => e.edited_by_user_id));
    return {
      current: { body: row.body, updatedAt: row.updated_at },
      items: items.map((e) => ({ body: e.body_before, editedAt: e.edited_at, editedByName: names.get(e.edited_by_user_id) ?? '' })),
    };
  }

  /**
   * Who hears of a new comment or reply by someone else: the lesson's teacher of every comment and
   * reply on their lesson, a comment's author of replies to it — each only while they may open it.
   */
  async function whoToTell(actor: Actor, lesson: ReachedLesson, activityId: number | null, parent: q.CommentRow | null): Promise<Telling[]> {
    const where = { recordingId: lesson.recordingId, activityId };
    const out: Telling[] = [];
    const parentAuthor = parent && parent.author_user_id !== actor.userId ? parent.author_user_id : null;
    if (parentAuthor !== null && await mayOpen(parentAuthor, where)) {
      out.push({ userId: parentAuthor, kind: 'lesson_comment_reply', title: `${actor.name}回复了您在「${lesson.title}」的评论` });
    }
    const teacher = lesson.teacherUserId;
    if (teacher !== null && teacher !== actor.userId && teacher !== parentAuthor && await mayOpen(teacher, where)) {
      out.push({
        userId: teacher, kind: 'lesson_comment',
        title: parent ? `${actor.name}在您的课「${lesson.title}」下回复了评论` : `${actor.name}评论了您的课「${lesson.title}」`,
      });
    }
    return out;
  }

  /** Whether a person (by their roles, not a session) reaches the lesson where the comment was made. */
  async function mayOpen(userId: number, where: { recordingId: number; activityId: number | null }): Promise<boolean> {
    const views = (await deps.assignmentsOf([userId])).get(userId) ?? [];
    const grants = views.map((v) => ({ assignmentId: v.id, role: v.role, department: v.department, cityId: v.cityId, countyId: v.countyId, schoolId: v.schoolId }));
    const person: Actor = { userId, username: '', name: '', kind: 'staff', sessionId: 0, csrfToken: '', grants, permissions: permissionsOf(grants) };
    try {
      await reach.lesson(person, where);
      return true;
    } catch {
      return false;
    }
  }

  return { list, create, reply, edit, remove, edits };
}

export type CommentsService = ReturnType<typeof createCommentsService>;
