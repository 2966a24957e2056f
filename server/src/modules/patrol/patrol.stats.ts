import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import { addDays } from '../../../../shared/dates.js';
import type { Actor, Scope } from '../../access/actor.js';
import { scopeOf } from '../../access/actor.js';
import type { Database } from '../../db/schema.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { ExportColumn } from '../../http/xlsx-export.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import * as q from './patrol.queries.js';
import type { ExportQuery, StatsQuery } from './patrol.schema.js';

/** Teachers listed on the statistics page; the export holds them all. */
export const TEACHERS_SHOWN = 500;
/** The range when no term has begun at the place: the last 90 days. */
const FALLBACK_DAYS = 90;

export interface Term { id: number; name: string; startsOn: string; endsOn: string }

/**
 * A term as people name it (2018—2019学年第一学期): the calendar may hold it per stage and per
 * county with slightly different dates; patrol statistics take one span per name, from its
 * earliest start to its latest end, under the lowest id.
 */
export function termsByName(terms: readonly Term[]): Term[] {
  const byName = new Map<string, Term>();
  for (const t of terms) {
    const had = byName.get(t.name);
    byName.set(t.name, had
      ? { id: Math.min(had.id, t.id), name: t.name, startsOn: had.startsOn < t.startsOn ? had.startsOn : t.startsOn, endsOn: had.endsOn > t.endsOn ? had.endsOn : t.endsOn }
      : { ...t });
  }
  return [...byName.values()].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
}

/**
 * Where the statistics open: the term holding today; in a break, from the start of the last term
 * begun up to today (so what was patrolled since is counted); with no term begun, the last days.
 */
export function defaultRange(terms: readonly Term[], today: string): { from: string; to: string; term: Term | null } {
  const holding = terms.find((t) => t.startsOn <= today && today <= t.endsOn);
  if (holding) return { from: holding.startsOn, to: holding.endsOn, term: holding };
  const last = terms.filter((t) => t.startsOn <= today).sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
  if (last) return { from: last.startsOn, to: today, term: null };
  return { from: addDays(today, -(FALLBACK_DAYS - 1)), to: today, term: null };
}

const mean = (v: number | null) => (v === null ? null : Math.round(Number(v) * 100) / 100);

type SchoolStat = Awaited<ReturnType<typeof q.schoolStats>>[number];
type TeacherStat = Awaited<ReturnType<typeof q.teacherStats>>[number];

const schoolView = (r: SchoolStat) => ({
  schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name, countyName: r.county_name,
  patrols: Number(r.patrols), lessons: Number(r.lessons), meanScore: mean(r.mean_score), patrollers: Number(r.patrollers),
});
const teacherView = (r: TeacherStat) => ({
  teacherUserId: r.teacher_user_id, teacherName: r.teacher_name, schoolId: r.school_id, schoolName: r.school_name,
  patrols: Number(r.patrols), lessons: Number(r.lessons), meanScore: mean(r.mean_score),
});

export const SCHOOL_COLUMNS: ExportColumn<ReturnType<typeof schoolView>>[] = [
  { header: '县(市、区)', width: 12, value: (r) => r.countyName },
  { header: '学校名称', width: 28, value: (r) => r.schoolName },
  { header: '学校标识码', width: 14, value: (r) => r.schoolCode },
  { header: '巡课次数', width: 10, value: (r) => r.patrols },
  { header: '巡课节数', width: 10, value: (r) => r.lessons },
  { header: '平均分（1–5）', width: 12, value: (r) => r.meanScore },
  { header: '巡课人数', width: 10, value: (r) => r.patrollers },
];
export const TEACHER_COLUMNS: ExportColumn<ReturnType<typeof teacherView>>[] = [
  { header: '学校名称', width: 28, value: (r) => r.schoolName },
  { header: '教师', width: 12, value: (r) => r.teacherName || '（未填写）' },
  { header: '被巡课节数', width: 12, value: (r) => r.lessons },
  { header: '巡课次数', width: 10, value: (r) => r.patrols },
  { header: '平均分（1–5）', width: 12, value: (r) => r.meanScore },
];

/**
 * Patrol statistics over a term (the calendar service gives the terms that apply at the caller's
 * place) or a range: per school and per teacher, their Excel export, and the county figures the
 * reports are pre-filled with. Everything within the caller's patrol:read scope, in SQL.
 */
export function createPatrolStats(deps: {
  db: Kysely<Database>;
  today: () => string;
  scopeFor: (actor: Actor, action: 'patrol:read') => Scope;
  calendar: Pick<CalendarService, 'admin'>;
}) {
  const { db } = deps;

  /** The place whose terms apply: the filter's school or county, else the caller's widest node. */
  function placeOf(scope: Scope, query: { countyId?: number; schoolId?: number }) {
    if (query.schoolId !== undefined) return { schoolId: query.schoolId };
    if (query.countyId !== undefined) return { countyId: query.countyId };
    if (scope.cityIds.length) return { cityId: scope.cityIds[0]! };
    if (scope.countyIds.length) return { countyId: scope.countyIds[0]! };
    if (scope.schoolIds.length) return { schoolId: scope.schoolIds[0]! };
    return null;
  }

  async function rangeOf(actor: Actor, scope: Scope, query: Static<typeof StatsQuery>) {
    const place = placeOf(scope, query);
    const listed = place ? (await deps.calendar.admin.listTerms(actor, place)).terms : [];
    const terms = termsByName(listed.map((t) => ({ id: t.id, name: t.name, startsOn: t.startsOn, endsOn: t.endsOn })));
    if (query.from !== undefined || query.to !== undefined) {
      if (query.from === undefined || query.to === undefined || query.from > query.to) {
        throw badRequest('PATROL_RANGE_INVALID', '请同时给出开始和结束日期（from、to），且开始日期不晚于结束日期；或选择一个学期');
      }
      return { from: query.from, to: query.to, term: null, terms };
    }
    if (query.termId === undefined) return { ...defaultRange(terms, deps.today()), terms };
    const id = query.termId;
    // A term of another stage or county is folded under its name's lowest id: find it by any of its ids.
    const named = listed.find((t) => t.id === id)?.name;
    const term = terms.find((t) => t.id === id) ?? terms.find((t) => t.name === named);
    if (!term) throw notFound('学期');
    return { from: term.startsOn, to: term.endsOn, term, terms };
  }

  const filterOf = (query: Static<typeof StatsQuery>, range: { from: string; to: string }): q.PatrolFilter => ({
    from: range.from, to: range.to, countyId: query.countyId, schoolId: query.schoolId, subject: query.subject,
  });

  /** Per school and per teacher over the term (or range), with the totals. */
  async function stats(actor: Actor, query: Static<typeof StatsQuery>) {
    const scope = deps.scopeFor(actor, 'patrol:read');
    const range = await rangeOf(actor, scope, query);
    const where = q.patrolInScope(scope);
    const filter = filterOf(query, range);
    const [totals, schools, teachers, teachersTotal] = await Promise.all([
      q.totals(db, where, filter), q.schoolStats(db, where, filter), q.teacherStats(db, where, filter, TEACHERS_SHOWN), q.countTeachers(db, where, filter),
    ]);
    return {
      ...range, totals: { ...totals, meanScore: mean(totals.meanScore) },
      schools: schools.map(schoolView), teachers: teachers.map(teacherView), teachersTotal,
    };
  }

  /** The rows of the statistics export (by school or by teacher), with the sheet's name and file name. */
  async function exportStats(actor: Actor, query: Static<typeof ExportQuery>) {
    const scope = deps.scopeFor(actor, 'patrol:read');
    const range = await rangeOf(actor, scope, query);
    const where = q.patrolInScope(scope);
    const filter = filterOf(query, range);
    const span = range.term ? range.term.name : `${range.from}至${range.to}`;
    if (query.by === 'teacher') {
      const rows = (await q.teacherStats(db, where, filter)).map(teacherView);
      return { kind: 'teacher' as const, rows, sheet: '分教师统计', filename: `巡课统计（教师）_${span}.xlsx`, range };
    }
    const rows = (await q.schoolStats(db, where, filter)).map(schoolView);
    return { kind: 'school' as const, rows, sheet: '分校统计', filename: `巡课统计（学校）_${span}.xlsx`, range };
  }

  /**
   * A county's patrol figures over a period, for its report: patrols, lessons and schools
   * patrolled, patrollers and the mean score — as the actor sees them (null: no patrol:read).
   */
  async function countyFigures(actor: Actor, period: { countyId: number; from: string; to: string }) {
    const scope = scopeOf(actor, 'patrol:read');
    if (!scope) return null;
    const t = await q.totals(db, q.patrolInScope(scope), period);
    return { ...t, meanScore: mean(t.meanScore) };
  }

  /** Per county over a range and their total (the reports' Excel), within the actor's patrol:read scope; null without it. */
  async function countyRows(actor: Actor, range: { from: string; to: string }) {
    const scope = scopeOf(actor, 'patrol:read');
    if (!scope) return null;
    const where = q.patrolInScope(scope);
    const [rows, total] = await Promise.all([q.countyStats(db, where, range), q.totals(db, where, range)]);
    return {
      rows: rows.map((r) => ({
        countyId: r.county_id, countyCode: r.county_code, countyName: r.county_name, patrols: Number(r.patrols), lessons: Number(r.lessons),
        schools: Number(r.schools), meanScore: mean(r.mean_score),
      })),
      total: { ...total, meanScore: mean(total.meanScore) },
    };
  }

  return { stats, exportStats, countyFigures, countyRows };
}
