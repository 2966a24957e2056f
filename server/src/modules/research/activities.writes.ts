import type { Static } from 'typebox';
import { type Actor, supervisingScope } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import * as q from './activities.queries.js';
import type { CreateActivityBody, UpdateActivityBody } from './activities.schema.js';
import type { ActivityReads } from './activities.service.js';
import { groupMembers, groupRow } from './groups.queries.js';
import { checkMembers, checkSchools, type Node, nodeCovered, ownNode, schoolInNode, type SchoolNode, schoolsTaughtAt } from './organising.js';
import type { ActivityRow, ResearchReach } from './research-reach.js';

type Who = { actor: Actor; ip: string };

const KIND_LABEL = { joint_prep: '集体备课', same_topic: '同课异构', open_lesson: '公开课', lesson_review: '评课议课' } as const;

export const activityClosed = () => conflict('RESEARCH_ACTIVITY_CLOSED', '教研活动已总结归档，不能再修改活动信息、成员、课例或资料');
export const organiserOnly = () => new AppError(403, 'RESEARCH_ORGANISER_ONLY', '只有活动的组织者（或其上级教研部门）可以进行此操作');

/**
 * Research activities as their organisers change them: create (the organising node follows the
 * creator's grant, or the group they lead), edit, open for review, summarise (which closes it),
 * soft-delete. Every write is audited; invited people are told in their inbox.
 */
export function createActivityWrites(deps: {
  db: Db; clock: Clock; audit: AuditService; reach: ResearchReach; reads: ActivityReads;
  notify: NotificationsService['notify'];
  /** Cancels the room bookings made for a deleted activity (rooms' service). */
  cancelBookingsOf?: (activityId: number) => Promise<unknown>;
}) {
  const db = deps.db.db;
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });
  const now = () => deps.clock.now().toISOString();

  function requireWrite(actor: Actor) {
    if (!actor.permissions.has('research:write')) throw forbidden();
  }

  /** The group (reached, not archived) and what it lets the actor do: organise as its leader or supervisor. */
  async function groupFor(actor: Actor, groupId: number) {
    const g = await groupRow(db, groupId);
    const members = g ? await groupMembers(db, g.id) : [];
    const node: Node | null = g ? { cityId: g.city_id, countyId: g.county_id, schoolId: g.school_id } : null;
    const supervises = node !== null && nodeCovered(supervisingScope(actor, 'research:write'), node);
    const visible = supervises || members.some((m) => m.user_id === actor.userId) || (node !== null && nodeCovered(supervisingScope(actor, 'research:read'), node));
    if (!g || !node || !visible) throw notFound('教研组');
    if (g.archived_at) throw conflict('RESEARCH_GROUP_ARCHIVED', `教研组「${g.name}」已归档，不能再组织新的活动`);
    const leads = g.leader_user_id === actor.userId;
    return { group: g, node, supervises, leads, members: new Map(members.map((m) => [m.user_id, m.school_id])) };
  }

  /** Which schools the actor may invite to an activity at `node` (of `group`, when it has one). */
  function schoolRule(actor: Actor, node: Node, group: Awaited<ReturnType<typeof groupFor>> | null) {
    if (!group || group.supervises || nodeCovered(supervisingScope(actor, 'research:write'), node)) return (s: SchoolNode) => schoolInNode(node, s);
    const schools = new Set([...group.members.values()].filter((id): id is number => id !== null));
    if (group.group.school_id !== null) schools.add(group.group.school_id);
    return (s: SchoolNode) => schools.has(s.id);
  }

  function checkDates(startsOn: string, endsOn: string) {
    if (endsOn < startsOn) throw badRequest('RESEARCH_DATES', `结束日期 ${endsOn} 早于开始日期 ${startsOn}，请调整活动日程`);
  }

  async function checkRubric(rubricId: number | null | undefined) {
    if (rubricId === null || rubricId === undefined) return;
    if (!(await q.publishedRubric(db, rubricId))) {
      throw badRequest('RESEARCH_RUBRIC_UNPUBLISHED', '所选观课量表不存在或尚未发布：请选择已发布的量表，或先发布该量表');
    }
  }

  const deadlineOf = (v: string | null | undefined) => (v ? new Date(v).toISOString() : null);

  async function create(w: Who, body: Static<typeof CreateActivityBody>) {
    requireWrite(w.actor);
    const group = body.groupId ? await groupFor(w.actor, body.groupId) : null;
    if (group && !group.leads && !group.supervises) {
      throw new AppError(403, 'RESEARCH_GROUP_NOT_LEADER', `只有教研组「${group.group.name}」的组长或其上级教研人员可以为该组组织活动`);
    }
    const node = group ? group.node : await ownNode(db, w.actor);
    const schools = await checkSchools(db, w.actor, body.schoolIds, schoolRule(w.actor, node, group));
    checkDates(body.startsOn, body.endsOn);
    await checkRubric(body.rubricId);
    const members = await checkMembers(db, body.members ?? [], { node, schools, organiserUserId: w.actor.userId, groupMembers: group?.members });
    const at = now();
    // The organiser sits at the node's school, or at a participating school they teach at.
    const taught = schoolsTaughtAt(w.actor);
    const organiserSchool = node.schoolId ?? schools.find((s) => taught.includes(s.id))?.id ?? null;
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('research_activities').values({
        kind: body.kind, topic: body.topic.trim(), subject: body.subject.trim(), grade: body.grade.trim(), description: (body.description ?? '').trim(),
        status: 'planned', city_id: node.cityId, county_id: node.countyId, school_id: node.schoolId, group_id: group?.group.id ?? null,
        organiser_user_id: w.actor.userId, rubric_id: body.rubricId ?? null, st_interval_seconds: body.stIntervalSeconds ?? 30,
        starts_on: body.startsOn, ends_on: body.endsOn, review_deadline: deadlineOf(body.reviewDeadline), summary: null, summarised_at: null,
        summarised_by_user_id: null, created_at: at, updated_at: at, deleted_at: null,
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('research_activity_schools').values(schools.map((s) => ({ activity_id: row.id, school_id: s.id, county_id: s.county_id, city_id: s.city_id }))).execute();
      await trx.insertInto('research_activity_members').values([
        { activity_id: row.id, user_id: w.actor.userId, school_id: organiserSchool, role: 'organiser' as const, added_at: at },
        ...members.map((m) => ({ activity_id: row.id, ...m, added_at: at })),
      ]).execute();
      return row.id;
    });
    await deps.audit.record({
      ...by(w), action: 'research.activity.create', targetType: 'research_activity', targetId: id, result: 'success',
      detail: { kind: body.kind, topic: body.topic.trim(), node, groupId: group?.group.id ?? null, schools: schools.map((s) => s.id), members: members.map((m) => m.user_id) },
    });
    await tellInvited(id, body.topic.trim(), body.kind, body.startsOn, members.map((m) => m.user_id), w.actor.name);
    return deps.reads.get(w.actor, id);
  }

  async function tellInvited(id: number, topic: string, kind: keyof typeof KIND_LABEL, startsOn: string, userIds: number[], organiser: string) {
    if (!userIds.length) return;
    await deps.notify(userIds, {
      kind: 'research_invited', title: `教研活动邀请：${topic}`,
      body: `${organiser}邀请您参加${KIND_LABEL[kind]}活动「${topic}」，${startsOn} 开始。请在活动页面查看安排和课例。`,
      link: `/research/activities/${id}`,
    });
  }

  /** The activity, when the actor organises it and it is not summarised. */
  async function forOrganiser(actor: Actor, id: number): Promise<ActivityRow> {
    requireWrite(actor);
    const act = await deps.reach.activity(actor, id);
    if (!(await deps.reach.organises(actor, act))) throw organiserOnly();
    if (act.status === 'summarised') throw activityClosed();
    return act;
  }

  async function update(w: Who, id: number, body: Static<typeof UpdateActivityBody>) {
    const act = await forOrganiser(w.actor, id);
    const node: Node = { cityId: act.city_id, countyId: act.county_id, schoolId: act.school_id };
    const startsOn = body.startsOn ?? act.starts_on;
    const endsOn = body.endsOn ?? act.ends_on;
    checkDates(startsOn, endsOn);
    if (body.rubricId !== undefined && body.rubricId !== act.rubric_id) await checkRubric(body.rubricId);
    const changed = Object.keys(body).filter((k) => !['schoolIds', 'members'].includes(k));
    let schools: SchoolNode[] | null = null;
    let members: Awaited<ReturnType<typeof checkMembers>> | null = null;
    if (body.schoolIds || body.members) {
      // Groups lend their members' schools to a leader who does not supervise the node.
      const group = act.group_id === null ? null : await groupFor(w.actor, act.group_id).catch(() => null);
      const current = (await q.schoolsOf(db, [act.id])).get(act.id)?.map((s) => s.id) ?? [];
      schools = await checkSchools(db, w.actor, body.schoolIds ?? current, body.schoolIds ? schoolRule(w.actor, node, group) : () => true);
      const kept = new Set(schools.map((s) => s.id));
      const stranded = (await q.lessonsOf(db, act.id)).find((l) => !kept.has(l.school_id));
      if (stranded) {
        throw conflict('RESEARCH_SCHOOL_HAS_LESSONS', `${stranded.school_name}已有挂接的课例「${stranded.title}」：请先移除该课例，再把学校移出活动`);
      }
      const existing = (await q.membersOf(db, act.id)).filter((m) => m.role !== 'organiser').map((m) => ({ userId: m.user_id, role: m.role as 'teacher' | 'observer' }));
      members = await checkMembers(db, body.members ?? existing, { node, schools, organiserUserId: act.organiser_user_id, groupMembers: group?.members });
    }
    const at = now();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('research_activities').set({
        ...(body.kind ? { kind: body.kind } : {}), ...(body.topic !== undefined ? { topic: body.topic.trim() } : {}),
        ...(body.subject !== undefined ? { subject: body.subject.trim() } : {}), ...(body.grade !== undefined ? { grade: body.grade.trim() } : {}),
        ...(body.description !== undefined ? { description: body.description.trim() } : {}),
        starts_on: startsOn, ends_on: endsOn,
        ...(body.reviewDeadline !== undefined ? { review_deadline: deadlineOf(body.reviewDeadline) } : {}),
        ...(body.rubricId !== undefined ? { rubric_id: body.rubricId } : {}),
        ...(body.stIntervalSeconds !== undefined ? { st_interval_seconds: body.stIntervalSeconds } : {}),
        updated_at: at,
      }).where('id', '=', act.id).execute();
      if (schools) {
        await trx.deleteFrom('research_activity_schools').where('activity_id', '=', act.id).execute();
        await trx.insertInto('research_activity_schools').values(schools.map((s) => ({ activity_id: act.id, school_id: s.id, county_id: s.county_id, city_id: s.city_id }))).execute();
      }
      if (members) {
        await trx.deleteFrom('research_activity_members').where('activity_id', '=', act.id).where('role', '!=', 'organiser').execute();
        if (members.length) await trx.insertInto('research_activity_members').values(members.map((m) => ({ activity_id: act.id, ...m, added_at: at }))).execute();
      }
    });
    await deps.audit.record({
      ...by(w), action: 'research.activity.update', targetType: 'research_activity', targetId: act.id, result: 'success',
      detail: { changed, ...(schools ? { schools: schools.map((s) => s.id) } : {}), ...(members ? { members: members.map((m) => m.user_id) } : {}) },
    });
    return deps.reads.get(w.actor, act.id);
  }

  /** planned → open: reviews (comments, scores, codings) are taken from now on. */
  async function open(w: Who, id: number) {
    const act = await forOrganiser(w.actor, id);
    if (act.status !== 'planned') throw conflict('RESEARCH_NOT_PLANNED', '活动已经开放评课，无需再次开放');
    await db.updateTable('research_activities').set({ status: 'open', updated_at: now() }).where('id', '=', act.id).execute();
    await deps.audit.record({ ...by(w), action: 'research.activity.open', targetType: 'research_activity', targetId: act.id, result: 'success' });
    await tellMembers(act, w.actor.userId, `教研活动开放评课：${act.topic}`, `「${act.topic}」已开放评课，请观看课例并发表评论、打分或编码。`);
    return deps.reads.get(w.actor, act.id);
  }

  /** open → summarised: the organiser's summary closes the activity (no more reviews or edits). */
  async function summarise(w: Who, id: number, summary: string) {
    const act = await forOrganiser(w.actor, id);
    if (act.status !== 'open') throw conflict('RESEARCH_SUMMARY_TOO_EARLY', '活动尚未开放评课：请先开放评课，评课结束后再撰写总结');
    const at = now();
    await db.updateTable('research_activities').set({
      status: 'summarised', summary: summary.trim(), summarised_at: at, summarised_by_user_id: w.actor.userId, updated_at: at,
    }).where('id', '=', act.id).execute();
    await deps.audit.record({ ...by(w), action: 'research.activity.summarise', targetType: 'research_activity', targetId: act.id, result: 'success', detail: { length: summary.trim().length } });
    await tellMembers(act, w.actor.userId, `教研活动已总结：${act.topic}`, `「${act.topic}」的组织者已撰写活动总结，活动归档。`);
    return deps.reads.get(w.actor, act.id);
  }

  /** Soft delete by the organiser: the activity, its lessons' sharing and its bookings go; the rows stay for the audit. */
  async function remove(w: Who, id: number) {
    requireWrite(w.actor);
    const act = await deps.reach.activity(w.actor, id);
    if (!(await deps.reach.organises(w.actor, act))) throw organiserOnly();
    await db.updateTable('research_activities').set({ deleted_at: now(), updated_at: now() }).where('id', '=', act.id).execute();
    await deps.cancelBookingsOf?.(act.id);
    await deps.audit.record({
      ...by(w), action: 'research.activity.delete', targetType: 'research_activity', targetId: act.id, result: 'success',
      detail: { topic: act.topic, status: act.status },
    });
  }

  async function tellMembers(act: ActivityRow, except: number, title: string, body: string) {
    const ids = (await q.membersOf(db, act.id)).map((m) => m.user_id).filter((id) => id !== except);
    if (ids.length) await deps.notify(ids, { kind: 'research_activity', title, body, link: `/research/activities/${act.id}` });
  }

  return { create, update, open, summarise, remove };
}

export type ActivityWrites = ReturnType<typeof createActivityWrites>;
