import type { Static } from 'typebox';
import { type Actor, scopeOf, supervisingScope } from '../../access/actor.js';
import { activityInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { staffGrantsOf } from '../people/who-answers.js';
import * as aq from './activities.queries.js';
import { summaryView } from './activities.views.js';
import * as q from './groups.queries.js';
import type { CreateGroupBody, GroupListQuery, UpdateGroupBody } from './groups.schema.js';
import { levelOf, type Node, nodeCovered, OFFICER_ROLES, ownNode, SCHOOL_ROLES, schoolInNode } from './organising.js';

type Who = { actor: Actor; ip: string };

function summary(r: q.GroupRow) {
  const node = { cityId: r.city_id, countyId: r.county_id, schoolId: r.school_id };
  return {
    id: r.id, kind: r.kind, name: r.name, subject: r.subject, level: levelOf(node), nodeName: r.school_name ?? r.county_name ?? r.city_name,
    cityId: r.city_id, countyId: r.county_id, schoolId: r.school_id, schoolCode: r.school_code ?? null, leaderUserId: r.leader_user_id,
    leaderName: r.leader_name, memberCount: Number(r.member_count), activityCount: Number(r.activity_count), archivedAt: r.archived_at,
  };
}

const groupArchived = (name: string) => conflict('RESEARCH_GROUP_ARCHIVED', `教研组「${name}」已归档，不能再修改或组织新的活动`);

/**
 * Research groups: a school's 教研组 (set up by its principal or the officers above it) and the
 * 名师工作室 of a county or the city (set up by their research officers), with members across the
 * node's schools and a leader who organises the group's activities. Members see their group;
 * so do the supervisors of its node. Its page shows the group's activities the viewer reaches.
 */
export function createGroupsService(deps: { db: Db; clock: Clock; audit: AuditService; notify: NotificationsService['notify'] }) {
  const db = deps.db.db;
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  function inScope(actor: Actor) {
    if (!actor.permissions.has('research:read')) throw forbidden();
    return q.groupInScope(supervisingScope(actor, 'research:read'), actor.userId);
  }

  /** The group's members placed at their schools: staff of the node's schools, or its officers. */
  async function checkMembers(node: Node, userIds: readonly number[]) {
    const grants = await staffGrantsOf(db, userIds);
    return userIds.map((userId) => {
      const mine = grants.filter((g) => g.userId === userId);
      const atSchool = mine.find((g) => SCHOOL_ROLES.includes(g.role) && g.schoolId !== null && g.countyId !== null && g.cityId !== null
        && schoolInNode(node, { id: g.schoolId, county_id: g.countyId, city_id: g.cityId }));
      if (atSchool) return { user_id: userId, school_id: atSchool.schoolId };
      const officer = node.schoolId === null && mine.find((g) => OFFICER_ROLES.includes(g.role) && g.schoolId === null
        && g.cityId === node.cityId && (node.countyId === null || g.countyId === node.countyId));
      if (officer) return { user_id: userId, school_id: null };
      throw badRequest('RESEARCH_GROUP_MEMBER_OUTSIDE',
        `${mine[0]?.name ?? `账号 ${userId}`}不能加入这个教研组：教研组成员须是本校教师，名师工作室成员须是本县（市级工作室：本市）的教师或教研人员`, { userId });
    });
  }

  async function memberRows(node: Node, leaderUserId: number, memberIds: readonly number[]) {
    const ids = [leaderUserId, ...memberIds.filter((id) => id !== leaderUserId)];
    const placed = await checkMembers(node, ids);
    return placed.map((m) => ({ ...m, role: m.user_id === leaderUserId ? 'leader' as const : 'member' as const, joined_at: deps.clock.now().toISOString() }));
  }

  async function create(w: Who, body: Static<typeof CreateGroupBody>) {
    if (!w.actor.permissions.has('research:write')) throw forbidden();
    const sup = supervisingScope(w.actor, 'research:write');
    let node: Node;
    if (body.kind === 'subject_group') {
      if (body.schoolId === undefined) throw badRequest('RESEARCH_GROUP_SCHOOL', '教研组属于一所学校：请选择学校');
      const [s] = await aq.schoolNodes(db, [body.schoolId]);
      node = { cityId: s?.city_id ?? 0, countyId: s?.county_id ?? null, schoolId: s?.id ?? null };
      if (!s || !nodeCovered(scopeOf(w.actor, 'org:read'), node)) throw notFound('学校');
      if (!nodeCovered(sup, node)) throw new AppError(403, 'RESEARCH_GROUP_CREATE', '教研组由本校校长或上级教研部门设立');
    } else {
      node = await ownNode(db, w.actor);
      if (node.schoolId !== null || !nodeCovered(sup, node)) throw new AppError(403, 'RESEARCH_STUDIO_OFFICERS', '名师工作室由县、市教研部门设立');
    }
    const members = await memberRows(node, body.leaderUserId, body.memberIds);
    const at = deps.clock.now().toISOString();
    const id = await db.transaction().execute(async (trx) => {
      const gid = await q.insertGroup(trx, {
        kind: body.kind, name: body.name.trim(), subject: body.subject.trim(), description: (body.description ?? '').trim(),
        city_id: node.cityId, county_id: node.countyId, school_id: node.schoolId, leader_user_id: body.leaderUserId,
        created_by_user_id: w.actor.userId, created_at: at, updated_at: at, archived_at: null,
      });
      await q.replaceGroupMembers(trx, gid, members);
      return gid;
    });
    await deps.audit.record({
      ...by(w), action: 'research.group.create', targetType: 'research_group', targetId: id, result: 'success',
      detail: { kind: body.kind, name: body.name.trim(), node, leader: body.leaderUserId, members: members.map((m) => m.user_id) },
    });
    const others = members.map((m) => m.user_id).filter((u) => u !== w.actor.userId);
    if (others.length) {
      await deps.notify(others, {
        kind: 'research_group', title: `您已加入${body.kind === 'subject_group' ? '教研组' : '名师工作室'}「${body.name.trim()}」`,
        body: `${w.actor.name}设立了「${body.name.trim()}」并邀请您加入。`, link: `/research/groups/${id}`,
      });
    }
    return get(w.actor, id);
  }

  /** The group in reach, and whether the actor manages it (supervises its node, set it up, or leads it). */
  async function reached(actor: Actor, id: number) {
    const row = await q.findGroup(db, inScope(actor), id);
    if (!row) throw notFound('教研组');
    const node = { cityId: row.city_id, countyId: row.county_id, schoolId: row.school_id };
    const supervises = nodeCovered(supervisingScope(actor, 'research:write'), node);
    const manages = actor.permissions.has('research:write')
      && (supervises || row.created_by_user_id === actor.userId || row.leader_user_id === actor.userId);
    return { row, node, supervises, manages };
  }

  async function get(actor: Actor, id: number) {
    const { row, supervises, manages } = await reached(actor, id);
    const members = await q.groupMembers(db, row.id);
    const feed = await aq.listActivities(db, activityInScope(supervisingScope(actor, 'research:read'), actor.userId), { groupId: row.id }, 100, 0);
    const schools = await aq.schoolsOf(db, feed.map((a) => a.id));
    const open = row.archived_at === null && actor.permissions.has('research:write');
    return {
      ...summary(row), description: row.description, createdAt: row.created_at,
      members: members.map((m) => ({ userId: m.user_id, name: m.name, role: m.role, schoolId: m.school_id, schoolName: m.school_name ?? null, joinedAt: m.joined_at })),
      activities: feed.map((a) => summaryView(a, schools.get(a.id) ?? [])),
      may: { edit: manages && open, organise: open && (supervises || row.leader_user_id === actor.userId) },
    };
  }

  async function list(actor: Actor, query: Static<typeof GroupListQuery>) {
    const where = inScope(actor);
    const filter: q.GroupFilter = { memberUserId: query.view === 'mine' ? actor.userId : undefined, kind: query.kind, archived: query.archived, text: query.q };
    const [rows, total] = await Promise.all([
      q.listGroups(db, where, filter, query.pageSize, (query.page - 1) * query.pageSize),
      q.countGroups(db, where, filter),
    ]);
    return { items: rows.map(summary), total, page: query.page, pageSize: query.pageSize };
  }

  async function forManager(actor: Actor, id: number) {
    if (!actor.permissions.has('research:write')) throw forbidden();
    const g = await reached(actor, id);
    if (!g.manages) throw new AppError(403, 'RESEARCH_GROUP_MANAGERS', '只有组长、设立者或上级教研部门可以管理这个教研组');
    return g;
  }

  async function update(w: Who, id: number, body: Static<typeof UpdateGroupBody>) {
    const { row, node } = await forManager(w.actor, id);
    if (row.archived_at) throw groupArchived(row.name);
    const leader = body.leaderUserId ?? row.leader_user_id;
    let members: Awaited<ReturnType<typeof memberRows>> | null = null;
    if (body.memberIds || body.leaderUserId) {
      const current = (await q.groupMembers(db, row.id)).map((m) => m.user_id);
      members = await memberRows(node, leader, body.memberIds ?? current);
    }
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('research_groups').set({
        ...(body.name !== undefined ? { name: body.name.trim() } : {}), ...(body.subject !== undefined ? { subject: body.subject.trim() } : {}),
        ...(body.description !== undefined ? { description: body.description.trim() } : {}), leader_user_id: leader,
        updated_at: deps.clock.now().toISOString(),
      }).where('id', '=', row.id).execute();
      if (members) await q.replaceGroupMembers(trx, row.id, members);
    });
    await deps.audit.record({
      ...by(w), action: 'research.group.update', targetType: 'research_group', targetId: row.id, result: 'success',
      detail: { changed: Object.keys(body), ...(members ? { members: members.map((m) => m.user_id), leader } : {}) },
    });
    return get(w.actor, row.id);
  }

  /** Archives the group (again: no change): it stays readable with its feed, and takes no new activities. */
  async function archive(w: Who, id: number) {
    const { row } = await forManager(w.actor, id);
    if (!row.archived_at) {
      await db.updateTable('research_groups').set({ archived_at: deps.clock.now().toISOString() }).where('id', '=', row.id).execute();
      await deps.audit.record({ ...by(w), action: 'research.group.archive', targetType: 'research_group', targetId: row.id, result: 'success', detail: { name: row.name } });
    }
    return get(w.actor, row.id);
  }

  return { create, get, list, update, archive };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
