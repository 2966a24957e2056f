import { sql, type SqlBool } from 'kysely';
import type { Static } from 'typebox';
import { type Actor, scopeOf, supervisingScope } from '../../access/actor.js';
import { activityInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { personNames } from '../people/people.names.js';
import { staffAtNode } from '../people/who-answers.js';
import type { LessonFacts } from '../recordings/recordings.lesson-facts.js';
import type { BookingsService } from '../rooms/bookings.service.js';
import * as q from './activities.queries.js';
import type { CountsQuery, ListQuery, PeopleQuery } from './activities.schema.js';
import { fileView, lessonView, memberView, summaryView } from './activities.views.js';
import { nodeCovered, OFFICER_ROLES, SCHOOL_ROLES, schoolsTaughtAt } from './organising.js';
import type { ActivityRow, ResearchReach } from './research-reach.js';

export interface ActivityReadDeps {
  db: Db;
  clock: Clock;
  reach: ResearchReach;
  lessonFacts: LessonFacts;
  /** The live room bookings made for an activity (rooms' service); none where rooms are not wired. */
  bookingsOf?: (activityId: number) => ReturnType<BookingsService['forPurpose']>;
}

const KINDS = ['joint_prep', 'same_topic', 'open_lesson', 'lesson_review'] as const;
const STATUSES = ['planned', 'open', 'summarised'] as const;

/** The filter of a list or count query; `mine` keeps the caller's own activities. */
function filterOf(actor: Actor, query: Static<typeof CountsQuery> & { status?: q.ActivityFilter['status'] }): q.ActivityFilter {
  return {
    memberUserId: query.view === 'mine' ? actor.userId : undefined, status: query.status, kind: query.kind, subject: query.subject,
    countyId: query.countyId, schoolId: query.schoolId, groupId: query.groupId, text: query.q,
  };
}

/** Whether reviews are taken now: the activity is open and its deadline (if any) is ahead. */
export function reviewsOpen(act: Pick<ActivityRow, 'status' | 'review_deadline'>, now: Date): boolean {
  return act.status === 'open' && (act.review_deadline === null || now.toISOString() <= act.review_deadline);
}

/**
 * Research activities as people read them: lists and counts always confined in SQL by
 * activityInScope (members; supervisors of the organising node or of a participating school),
 * one activity with everything on its page, and the people a form may invite.
 */
export function createActivityReads(deps: ActivityReadDeps) {
  const db = deps.db.db;

  function inScope(actor: Actor) {
    if (!actor.permissions.has('research:read')) throw forbidden();
    return activityInScope(supervisingScope(actor, 'research:read'), actor.userId);
  }

  async function list(actor: Actor, query: Static<typeof ListQuery>) {
    const where = inScope(actor);
    const filter = filterOf(actor, query);
    const [rows, total] = await Promise.all([
      q.listActivities(db, where, filter, query.pageSize, (query.page - 1) * query.pageSize),
      q.countActivities(db, where, filter),
    ]);
    const schools = await q.schoolsOf(db, rows.map((r) => r.id));
    return { items: rows.map((r) => summaryView(r, schools.get(r.id) ?? [])), total, page: query.page, pageSize: query.pageSize };
  }

  async function counts(actor: Actor, query: Static<typeof CountsQuery>) {
    const rows = await q.countByStatusAndKind(db, inScope(actor), filterOf(actor, query));
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<(typeof STATUSES)[number], number>;
    const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<(typeof KINDS)[number], number>;
    for (const r of rows) {
      byStatus[r.status] += Number(r.n);
      byKind[r.kind] += Number(r.n);
    }
    return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus, byKind };
  }

  async function isMember(activityId: number, userId: number): Promise<boolean> {
    const row = await db.selectFrom('research_activity_members').select('id').where('activity_id', '=', activityId).where('user_id', '=', userId).executeTakeFirst();
    return row !== undefined;
  }

  /** One activity with its schools, people, lessons, files and bookings, and what the viewer may do. */
  async function get(actor: Actor, id: number) {
    const act = await deps.reach.activity(actor, id);
    const row = (await q.findActivity(db, sql<SqlBool>`1 = 1`, act.id))!;
    const [schools, members, lessons, files, bookings, organises, rubricName] = await Promise.all([
      q.schoolsOf(db, [act.id]), q.membersOf(db, act.id), q.lessonsOf(db, act.id), q.filesOf(db, act.id),
      deps.bookingsOf ? deps.bookingsOf(act.id) : Promise.resolve([]), deps.reach.organises(actor, act), q.rubricName(db, act.rubric_id),
    ]);
    const facts = await deps.lessonFacts.byIds(lessons.map((l) => l.recording_id));
    const member = members.some((m) => m.user_id === actor.userId);
    const writer = actor.permissions.has('research:write');
    const open = act.status !== 'summarised';
    const summariser = act.summarised_by_user_id === null ? null
      : (await personNames(db, [act.summarised_by_user_id])).get(act.summarised_by_user_id) ?? null;
    return {
      ...summaryView(row, schools.get(act.id) ?? []),
      description: act.description, rubricId: act.rubric_id, rubricName, stIntervalSeconds: act.st_interval_seconds,
      summary: act.summary, summarisedAt: act.summarised_at, summarisedByName: summariser, createdAt: act.created_at,
      members: members.map(memberView),
      lessons: lessons.map((l) => lessonView(l, facts.get(l.recording_id), open && writer && (organises || (member && l.attached_by_user_id === actor.userId)))),
      files: files.map((f) => fileView(f, open && writer && (organises || f.uploaded_by_user_id === actor.userId))),
      bookings,
      mayEdit: organises && open && writer,
      mayAttach: (organises || member) && open && writer,
      mayReview: (organises || member) && reviewsOpen(act, deps.clock.now()),
      organises,
      isMember: member,
    };
  }

  /**
   * People a form may invite, at one node: the teachers and principal of a school, or the officers
   * of a county or the city. Only nodes the caller organises at (a teacher: their own school).
   */
  async function people(actor: Actor, query: Static<typeof PeopleQuery>) {
    if (!actor.permissions.has('research:write')) throw forbidden();
    const given = [query.schoolId, query.countyId, query.cityId].filter((v) => v !== undefined).length;
    if (given !== 1) throw badRequest('RESEARCH_PEOPLE_NODE', '请指定一所学校、一个县(市、区)或本市，再查找可邀请的人员');
    const sup = supervisingScope(actor, 'research:write');
    const opts = { text: query.q, limit: 200 };
    let rows;
    if (query.schoolId !== undefined) {
      const [s] = await q.schoolNodes(db, [query.schoolId]);
      const seen = scopeOf(actor, 'org:read');
      const node = s && { cityId: s.city_id, countyId: s.county_id, schoolId: s.id };
      if (!node || !nodeCovered(seen, node) || !(nodeCovered(sup, node) || schoolsTaughtAt(actor).includes(s.id))) throw notFound('学校');
      rows = await staffAtNode(db, { schoolId: s.id }, SCHOOL_ROLES, opts);
    } else {
      const region = await q.regionOf(db, (query.countyId ?? query.cityId)!);
      const isCounty = query.countyId !== undefined;
      if (!region || region.level !== (isCounty ? 'county' : 'city')) throw notFound(isCounty ? '县(市、区)' : '市');
      const node = isCounty ? { cityId: region.parent_id ?? 0, countyId: region.id, schoolId: null } : { cityId: region.id, countyId: null, schoolId: null };
      if (!nodeCovered(sup, node)) throw notFound(isCounty ? '县(市、区)' : '市');
      rows = await staffAtNode(db, isCounty ? { countyId: region.id } : { cityId: region.id }, OFFICER_ROLES, opts);
    }
    // One row per person: the first role found names them.
    const seen = new Set<number>();
    const items = rows.filter((r) => !seen.has(r.userId) && seen.add(r.userId))
      .map((r) => ({ userId: r.userId, name: r.name, role: r.role, schoolId: r.schoolId, countyId: r.countyId }));
    return { items };
  }

  return { list, counts, get, isMember, people };
}

export type ActivityReads = ReturnType<typeof createActivityReads>;
