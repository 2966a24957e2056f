import type { Kysely } from 'kysely';
import { type Actor, type Scope, supervisingScope } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { addDays, shanghaiDate } from '../../../../shared/dates.js';
import { checkDateRange } from '../calendar/date-range.js';
import type { CalendarAdminService } from '../calendar/calendar-admin.service.js';
import { departmentNamesOf, departmentStaffOf, namesOf, principalsOf, staffOfSchoolAndCounty } from '../people/who-answers.js';
import {
  type ActivityFigures, type CodingRow, type StMixFigures, activitiesByOwner, addSt, emptyActivities, emptySt, stByOwner,
} from './analysis.figures.js';
import * as q from './analysis.queries.js';

/** A period as the answers name it: a term of the calendar, or a range asked for. */
export interface PeriodOf {
  termId: number | null;
  name: string | null;
  from: string;
  to: string;
}

export interface PeriodQuery {
  termId?: number;
  from?: string;
  to?: string;
}

/** Without any term in the calendar the figures cover the half year up to today. */
const FALLBACK_DAYS = 182;

interface Figures {
  activities: ActivityFigures;
  lessonsAttached: number;
  lessonsObserved: number;
  commentsReceived: number;
  commentsGiven: number;
  st: StMixFigures;
}

/**
 * 教研分析: what schools, counties and teachers did in research over a term — activities taken
 * part in by kind, lessons attached and observed, comments received and given, S-T codings and the
 * mix of lesson types — and the schools of a county that took part in nothing. Figures come from
 * grouped statements over the whole list (analysis.queries.ts), inside the caller's supervising
 * research scope (a teacher's grant supervises nothing: a teacher sees their own figures only).
 * Terms come from the calendar; who answers for a school from people/who-answers.
 */
export function createAnalysisService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  /** The calendar's terms at a place (its city's and its county's), as the calendar page lists them. */
  listTerms: CalendarAdminService['listTerms'];
}) {
  const { db } = deps;
  const today = () => shanghaiDate(deps.clock.now());

  function supervising(actor: Actor): Scope {
    if (!actor.permissions.has('research:read')) throw forbidden();
    const scope = supervisingScope(actor, 'research:read');
    if (!scope) {
      throw new AppError(403, 'RESEARCH_ANALYSIS_SUPERVISORS_ONLY', '学校和区县的教研统计由校长、教研管理人员查看；教师请在“我的教研”中查看本人的统计');
    }
    return scope;
  }

  /** The node whose calendar applies to the actor: their first research grant's school, county or city. */
  function homePlace(actor: Actor): { schoolId: number } | { countyId: number } | { cityId: number } {
    const g = actor.grants.find((x) => x.role !== 'parent' && (x.schoolId ?? x.countyId ?? x.cityId) !== null);
    if (!g) throw forbidden();
    if (g.schoolId !== null) return { schoolId: g.schoolId };
    if (g.countyId !== null) return { countyId: g.countyId };
    return { cityId: g.cityId! };
  }

  /** The terms at a place grouped by name (a county or a stage may open a week later), newest first. */
  async function termGroups(actor: Actor, place: ReturnType<typeof homePlace>) {
    const listed = await deps.listTerms(actor, place);
    const byName = new Map<string, { id: number; ids: number[]; name: string; from: string; to: string; cityLevel: boolean }>();
    for (const t of listed.terms) {
      const g = byName.get(t.name);
      if (!g) {
        byName.set(t.name, { id: t.id, ids: [t.id], name: t.name, from: t.startsOn, to: t.endsOn, cityLevel: t.level === 'city' });
        continue;
      }
      g.ids.push(t.id);
      if (t.startsOn < g.from) g.from = t.startsOn;
      if (t.endsOn > g.to) g.to = t.endsOn;
      // The city's own term names the group where there is one: the id a link carries stays put.
      if (t.level === 'city' && (!g.cityLevel || t.id < g.id)) Object.assign(g, { id: t.id, cityLevel: true });
    }
    const day = today();
    const groups = [...byName.values()].sort((a, b) => b.from.localeCompare(a.from) || a.id - b.id);
    const current = groups.find((g) => g.from <= day && day <= g.to) ?? groups.find((g) => g.from <= day) ?? groups.at(-1) ?? null;
    return { today: day, groups, current };
  }

  /** The period asked for: an explicit range, a term (by the id of any term of its name), or today's term. */
  async function periodOf(actor: Actor, query: PeriodQuery, place: ReturnType<typeof homePlace>): Promise<PeriodOf> {
    if (query.from !== undefined || query.to !== undefined) {
      if (query.from === undefined || query.to === undefined || query.termId !== undefined) {
        throw new AppError(400, 'RESEARCH_ANALYSIS_PERIOD', '请给出学期（termId），或同时给出开始和结束日期（from、to），二者不能混用');
      }
      checkDateRange(query.from, query.to);
      return { termId: null, name: null, from: query.from, to: query.to };
    }
    const { groups, current } = await termGroups(actor, place);
    const chosen = query.termId === undefined ? current : groups.find((g) => g.ids.includes(query.termId!));
    if (query.termId !== undefined && !chosen) throw notFound('学期');
    if (!chosen) return { termId: null, name: null, from: addDays(today(), -FALLBACK_DAYS), to: today() };
    return { termId: chosen.id, name: chosen.name, from: chosen.from, to: chosen.to };
  }

  async function terms(actor: Actor, query: { countyId?: number }) {
    if (!actor.permissions.has('research:read')) throw forbidden();
    const { today: day, groups, current } = await termGroups(actor, query.countyId !== undefined ? { countyId: query.countyId } : homePlace(actor));
    return {
      today: day,
      defaultTermId: current?.id ?? null,
      terms: groups.map((g) => ({ id: g.id, name: g.name, from: g.from, to: g.to, current: g.from <= day && day <= g.to })),
    };
  }

  /** The filter for a county query: the whole supervising scope, or one county of it (404 outside). */
  async function countyFilter(actor: Actor, countyId: number | undefined): Promise<q.SchoolFilter> {
    const scope = supervising(actor);
    if (countyId !== undefined && !(await q.countyInScope(db, scope, countyId))) throw notFound('县(市、区)');
    return { scope, countyId };
  }

  const placeFor = (actor: Actor, countyId?: number) => (countyId !== undefined ? { countyId } : homePlace(actor));

  /** Figures per school of a school filter (schools with nothing in the period get zeros). */
  async function schoolFigures(p: PeriodOf, f: q.SchoolFilter) {
    const [acts, people, lessons, received, given, codings] = await Promise.all([
      q.participation(db, p, f, 'school'), q.participants(db, p, f, 'school'), q.lessonsBySchool(db, p, f),
      q.commentsReceived(db, p, { schools: f }), q.commentsGiven(db, p, { schools: f }), q.codingsOfLessons(db, p, { schools: f }),
    ]);
    return {
      activities: activitiesByOwner(acts.map((r) => ({ ...r, activities: Number(r.activities), organised: Number(r.organised) }))),
      people: countMap(people, (r) => r.people),
      lessons: new Map(lessons.map((r) => [r.owner, { attached: Number(r.attached), observed: Number(r.observed) }])),
      received: countMap(received, (r) => r.comments),
      given: countMap(given, (r) => r.comments),
      st: stByOwner(codings.map(codingRow)),
    };
  }

  function figuresOf(owner: number, all: Awaited<ReturnType<typeof schoolFigures>>): Figures {
    const lessons = all.lessons.get(owner);
    return {
      activities: all.activities.get(owner) ?? emptyActivities(),
      lessonsAttached: lessons?.attached ?? 0,
      lessonsObserved: lessons?.observed ?? 0,
      commentsReceived: all.received.get(owner) ?? 0,
      commentsGiven: all.given.get(owner) ?? 0,
      st: all.st.get(owner) ?? emptySt(),
    };
  }

  /** One row per school of the scope (or county): its research over the period. */
  async function schools(actor: Actor, query: PeriodQuery & { countyId?: number }) {
    const f = await countyFilter(actor, query.countyId);
    const period = await periodOf(actor, query, placeFor(actor, query.countyId));
    const [list, all] = await Promise.all([q.schools(db, f), schoolFigures(period, f)]);
    const rows = list.map((s) => {
      const figures = figuresOf(s.id, all);
      return {
        ...schoolFields(s), tookPart: figures.activities.total > 0, participants: all.people.get(s.id) ?? 0, ...figures,
      };
    });
    return { period, countyId: query.countyId ?? null, rows };
  }

  /**
   * One row per county of the scope. Activities and people are counted per county in SQL (an
   * activity two schools of a county took part in is one activity of the county); lessons,
   * comments and codings belong to one school each and are the sums of the county's schools.
   */
  async function counties(actor: Actor, query: PeriodQuery) {
    const f = await countyFilter(actor, undefined);
    const period = await periodOf(actor, query, homePlace(actor));
    const [list, all, byCounty, peopleByCounty] = await Promise.all([
      q.schools(db, f), schoolFigures(period, f), q.participation(db, period, f, 'county'), q.participants(db, period, f, 'county'),
    ]);
    const activities = activitiesByOwner(byCounty.map((r) => ({ ...r, activities: Number(r.activities), organised: Number(r.organised) })));
    const people = countMap(peopleByCounty, (r) => r.people);
    const rows = new Map<number, { countyId: number; name: string; schools: number; schoolsTakingPart: number; participants: number } & Figures>();
    for (const s of list) {
      const row = rows.get(s.county_id) ?? {
        countyId: s.county_id, name: s.county_name, schools: 0, schoolsTakingPart: 0, participants: people.get(s.county_id) ?? 0,
        activities: activities.get(s.county_id) ?? emptyActivities(),
        lessonsAttached: 0, lessonsObserved: 0, commentsReceived: 0, commentsGiven: 0, st: emptySt(),
      };
      const school = figuresOf(s.id, all);
      row.schools++;
      if (school.activities.total > 0) row.schoolsTakingPart++;
      row.lessonsAttached += school.lessonsAttached;
      row.lessonsObserved += school.lessonsObserved;
      row.commentsReceived += school.commentsReceived;
      row.commentsGiven += school.commentsGiven;
      row.st = addSt(row.st, school.st);
      rows.set(s.county_id, row);
    }
    return { period, rows: [...rows.values()] };
  }

  /**
   * Schools of the scope (or county) that took part in no activity of the period, each with who
   * answers for it: its principals, and the county's 教科所 (the department that runs research).
   */
  async function absent(actor: Actor, query: PeriodQuery & { countyId?: number }) {
    const f = await countyFilter(actor, query.countyId);
    const period = await periodOf(actor, query, placeFor(actor, query.countyId));
    const [list, acts] = await Promise.all([q.schools(db, f), q.participation(db, period, f, 'school')]);
    const took = new Set(acts.map((r) => r.owner));
    const missing = list.filter((s) => !took.has(s.id));
    const countyIds = [...new Set(missing.map((s) => s.county_id))];
    const [principals, staff, names] = await Promise.all([
      principalsOf(db, missing.map((s) => s.id)), departmentStaffOf(db, countyIds, 'research'), departmentNamesOf(db, countyIds, 'research'),
    ]);
    const rows = missing.map((s) => ({
      ...schoolFields(s),
      principals: principals.get(s.id) ?? [],
      department: 'research' as const,
      departmentName: names.get(`${s.county_id}:research`) ?? null,
      departmentStaff: staff.filter((x) => x.countyId === s.county_id).map((x) => ({ userId: x.userId, name: x.name })),
    }));
    return { period, countyId: query.countyId ?? null, schools: list.length, rows };
  }

  /** Figures per person (their activities, the lessons they taught, what they gave). */
  async function personFigures(p: PeriodOf, userIds: number[]) {
    const [acts, lessons, received, given, coded, codings] = await Promise.all([
      q.participationByPerson(db, p, userIds), q.lessonsByTeacher(db, p, userIds), q.commentsReceived(db, p, { teachers: userIds }),
      q.commentsGiven(db, p, { teachers: userIds }), q.codingsGiven(db, p, userIds), q.codingsOfLessons(db, p, { teachers: userIds }),
    ]);
    const activities = activitiesByOwner(acts.map((r) => ({ ...r, activities: Number(r.activities), organised: Number(r.organised) })));
    const lessonMap = new Map(lessons.map((r) => [r.owner, { attached: Number(r.attached), observed: Number(r.observed) }]));
    const receivedMap = countMap(received, (r) => r.comments);
    const givenMap = countMap(given, (r) => r.comments);
    const codedMap = countMap(coded, (r) => r.codings);
    const st = stByOwner(codings.map(codingRow));
    return (userId: number) => ({
      activities: activities.get(userId) ?? emptyActivities(),
      lessonsAttached: lessonMap.get(userId)?.attached ?? 0,
      lessonsObserved: lessonMap.get(userId)?.observed ?? 0,
      commentsReceived: receivedMap.get(userId) ?? 0,
      commentsGiven: givenMap.get(userId) ?? 0,
      codingsGiven: codedMap.get(userId) ?? 0,
      st: st.get(userId) ?? emptySt(),
    });
  }

  /**
   * One row per teacher of a school: its teachers and principals, and anyone who took part or
   * taught an attached lesson for it in the period. Supervisors of the school see every row; a
   * teacher of the school sees their own row only; anyone else gets 404.
   */
  async function teachers(actor: Actor, schoolId: number, query: PeriodQuery) {
    if (!actor.permissions.has('research:read')) throw forbidden();
    const scope = supervisingScope(actor, 'research:read');
    const supervised = scope ? (await q.schools(db, { scope, schoolId }))[0] : undefined;
    const teaches = actor.grants.some((g) => g.role === 'teacher' && g.schoolId === schoolId);
    const school = supervised ?? (teaches ? (await q.schools(db, { scope: { all: false, cityIds: [], countyIds: [], schoolIds: [schoolId], guardianUserId: null }, schoolId }))[0] : undefined);
    if (!school) throw notFound('学校');
    const ownRowOnly = !supervised;
    const period = await periodOf(actor, query, { schoolId });
    let people: { userId: number; name: string; role: 'teacher' | 'principal' | null }[];
    if (ownRowOnly) {
      people = [{ userId: actor.userId, name: actor.name, role: 'teacher' }];
    } else {
      const [staff, extra] = await Promise.all([
        staffOfSchoolAndCounty(db, { id: school.id, countyId: school.county_id }), q.researchPeopleOfSchool(db, period, school.id),
      ]);
      const byId = new Map<number, { userId: number; name: string; role: 'teacher' | 'principal' | null }>();
      for (const s of staff) {
        if (s.school_id !== school.id || (s.role !== 'teacher' && s.role !== 'principal')) continue;
        const known = byId.get(s.id);
        // One row per person: a principal who also teaches is shown as the principal.
        if (!known || s.role === 'principal') byId.set(s.id, { userId: s.id, name: s.name, role: s.role });
      }
      const others = extra.map((r) => r.user_id).filter((id) => !byId.has(id));
      const names = await namesOf(db, others);
      for (const id of others) byId.set(id, { userId: id, name: names.get(id) ?? '', role: null });
      people = [...byId.values()];
    }
    const figures = await personFigures(period, people.map((x) => x.userId));
    const rows = people.map((x) => ({ ...x, ...figures(x.userId) }))
      .sort((a, b) => b.activities.total - a.activities.total || b.lessonsAttached - a.lessonsAttached || a.userId - b.userId);
    return {
      period, ownRowOnly, rows,
      school: { id: school.id, code: school.code, name: school.name, countyId: school.county_id, countyName: school.county_name },
    };
  }

  /** The caller's own research over the period (我的教研), for teachers and everyone else taking part. */
  async function mine(actor: Actor, query: PeriodQuery) {
    if (!actor.permissions.has('research:read')) throw forbidden();
    const period = await periodOf(actor, query, homePlace(actor));
    const figures = await personFigures(period, [actor.userId]);
    const role = actor.grants.some((g) => g.role === 'principal') ? 'principal' as const
      : actor.grants.some((g) => g.role === 'teacher') ? 'teacher' as const : null;
    return { period, row: { userId: actor.userId, name: actor.name, role, ...figures(actor.userId) } };
  }

  return { terms, schools, counties, absent, teachers, mine };
}

function schoolFields(s: q.SchoolInfo) {
  return {
    schoolId: s.id, code: s.code, name: s.name, kind: s.kind, locality: s.locality, poorVillage: s.poor_village === 1,
    countyId: s.county_id, countyName: s.county_name,
  };
}

function countMap<T extends { owner: number }>(rows: T[], value: (r: T) => number): Map<number, number> {
  return new Map(rows.map((r) => [r.owner, Number(value(r))]));
}

function codingRow(r: q.CodingOfLesson): CodingRow {
  return { owner: r.owner, lesson: `${r.activity_id}:${r.school_id}:${r.group_id}`, codes: r.codes };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
