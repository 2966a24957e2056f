import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import type { SchoolKind } from '../../../../shared/domain.js';
import { eachDay, shanghaiDate } from '../../../../shared/dates.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CalendarPlace } from '../../events/app-events.js';
import { calendarScope, canWriteCalendar, type PlaceQuery, type ResolvedPlace, readableCity, resolvePlace, resolveRegion, writesRegion } from './calendar-places.js';
import * as q from './calendar.queries.js';
import { checkDate, checkTerm, schoolYearOf, type TermInput } from './term-rules.js';
import { readTermFile, termTemplate } from './terms-import.js';
import { MAX_ID } from './calendar.schema.js';
import { datasetYears } from './public-holidays.js';

/** Tells that days changed at a place (compliance recounts them); resolves with how many school-days were recounted. */
export type CalendarChanged = (place: CalendarPlace, days: string[]) => Promise<number>;

/** The days whose coverage differs between two ranges (both absent: none). */
function changedDays(before: readonly [string, string] | null, after: readonly [string, string] | null): string[] {
  const inside = (r: readonly [string, string] | null, d: string) => r !== null && r[0] <= d && d <= r[1];
  const all = new Set([...(before ? eachDay(before[0], before[1]) : []), ...(after ? eachDay(after[0], after[1]) : [])]);
  return [...all].filter((d) => inside(before, d) !== inside(after, d)).sort();
}

/**
 * The calendar page's administration: terms per school year and stage, quota rules with their
 * effective dates, and a city's own entry of the national holidays for a year the dataset lacks.
 * A city's staff set the city's; a county's staff set their county's own terms and rules (a county
 * may open a week later). Each change is audited and recomputes the school-days it touches.
 */
export function createCalendarAdminService(deps: { db: Db; clock: Clock; audit: AuditService; calendarChanged: CalendarChanged }) {
  const db = deps.db.db;
  const { calendarChanged } = deps;
  const today = () => shanghaiDate(deps.clock.now());

  function audit(actor: Actor, action: string, target: { type: string; id: number }, ip: string, detail: Record<string, unknown>) {
    return deps.audit.record({
      actor: { userId: actor.userId, name: actor.name }, action, targetType: target.type, targetId: target.id, result: 'success', ip, detail,
    });
  }

  const canWrite = canWriteCalendar;

  const nodeOf = (p: { cityId: number; countyId: number | null }) => (p.countyId !== null ? { countyId: p.countyId } : { cityId: p.cityId });

  // ---- terms ----

  /** The terms that apply at a place (its city's, its county's), newest school year first. */
  async function listTerms(actor: Actor, query: PlaceQuery) {
    const place = await resolvePlace(db, calendarScope(actor, 'org:read'), query, false);
    const [terms, counties] = await Promise.all([
      q.termsOf(db, [place.cityId]),
      db.selectFrom('regions').select(['id', 'name']).where('parent_id', '=', place.cityId).where('level', '=', 'county').execute(),
    ]);
    const countyName = new Map(counties.map((c) => [c.id, c.name]));
    const items = terms
      .filter((t) => place.countyId === null ? true : t.county_id === null || t.county_id === place.countyId)
      .map((t) => ({
        id: t.id, level: t.county_id === null ? 'city' as const : 'county' as const, countyId: t.county_id,
        countyName: t.county_id === null ? null : countyName.get(t.county_id) ?? null,
        stage: t.stage, schoolYear: schoolYearOf(t.starts_on), name: t.name, startsOn: t.starts_on, endsOn: t.ends_on,
        editable: canWrite(actor, { cityId: t.city_id, countyId: t.county_id }),
      }))
      .sort((a, b) => b.schoolYear - a.schoolYear || a.startsOn.localeCompare(b.startsOn) || a.id - b.id);
    return { place: { level: place.level, id: place.id, name: place.name }, today: today(), terms: items };
  }

  async function nameFree(place: Pick<ResolvedPlace, 'cityId' | 'countyId'>, t: TermInput, exceptId?: number) {
    const key = q.termScopeKey({ cityId: place.cityId, countyId: place.countyId, stage: t.stage });
    if (await q.termNamed(db, key, t.name, exceptId)) {
      throw conflict('TERM_NAME_TAKEN', `已有同名学期“${t.name}”（同一范围、同一学段）：请修改那个学期，或换一个名称`);
    }
  }

  async function createTerm(actor: Actor, body: PlaceQuery & TermInput, ip: string) {
    const place = await resolveRegion(db, calendarScope(actor, 'calendar:write'), body, true);
    const term = checkTerm(body);
    await nameFree(place, term);
    const id = await q.upsertTerm(db, { cityId: place.cityId, countyId: place.countyId, ...term }, deps.clock.now().toISOString());
    const recomputed = await calendarChanged(nodeOf(place), changedDays(null, [term.startsOn, term.endsOn]));
    await audit(actor, 'calendar.term.create', { type: 'school_term', id }, ip, { ...term, level: place.level, placeId: place.id, recomputed });
    return { id, recomputed };
  }

  /** A term the actor may change, or 404 (also for one they can only see: no hint of what exists elsewhere). */
  async function writableTerm(actor: Actor, id: number) {
    const term = id <= MAX_ID ? await q.findTerm(db, id) : undefined;
    if (!term || !canWrite(actor, { cityId: term.city_id, countyId: term.county_id })) throw notFound('学期');
    return term;
  }

  async function updateTerm(actor: Actor, id: number, patch: Partial<TermInput>, ip: string) {
    calendarScope(actor, 'calendar:write');
    const before = await writableTerm(actor, id);
    const term = checkTerm({
      name: patch.name ?? before.name, stage: patch.stage !== undefined ? patch.stage : before.stage,
      startsOn: patch.startsOn ?? before.starts_on, endsOn: patch.endsOn ?? before.ends_on,
    });
    const place = { cityId: before.city_id, countyId: before.county_id };
    await nameFree(place, term, id);
    await q.updateTerm(db, id, { ...place, ...term });
    // Same name and stage: only the days that entered or left the term change. A renamed or
    // re-staged term may replace, or stop replacing, another one: recount both ranges whole.
    const same = term.name === before.name && term.stage === before.stage;
    const days = same
      ? changedDays([before.starts_on, before.ends_on], [term.startsOn, term.endsOn])
      : [...new Set([...eachDay(before.starts_on, before.ends_on), ...eachDay(term.startsOn, term.endsOn)])];
    const recomputed = await calendarChanged(nodeOf(place), days);
    await audit(actor, 'calendar.term.update', { type: 'school_term', id }, ip, {
      before: { name: before.name, stage: before.stage, startsOn: before.starts_on, endsOn: before.ends_on }, after: term, recomputed,
    });
    return { id, recomputed };
  }

  async function deleteTerm(actor: Actor, id: number, ip: string) {
    calendarScope(actor, 'calendar:write');
    const before = await writableTerm(actor, id);
    await q.deleteTerm(db, id);
    const place = { cityId: before.city_id, countyId: before.county_id };
    const recomputed = await calendarChanged(nodeOf(place), eachDay(before.starts_on, before.ends_on));
    await audit(actor, 'calendar.term.delete', { type: 'school_term', id }, ip, {
      name: before.name, stage: before.stage, startsOn: before.starts_on, endsOn: before.ends_on, recomputed,
    });
    return { deleted: 1, recomputed };
  }

  // ---- a city's own national days ----

  /** A year's national holidays and 调休 days as the city entered them, and whether the dataset covers the year. */
  async function publicDays(actor: Actor, query: { cityId: number; year: number }) {
    const city = await readableCity(db, calendarScope(actor, 'org:read'), query.cityId);
    const years = datasetYears();
    const rows = await q.publicDaysOf(db, [city.id], `${query.year}-01-01`, `${query.year}-12-31`);
    return {
      year: query.year, datasetCovers: query.year >= years.first && query.year <= years.last, datasetLastYear: years.last,
      editable: canWrite(actor, { cityId: city.id, countyId: null }),
      days: rows.map((r) => ({ day: r.day, kind: r.kind, name: r.name })),
    };
  }

  /** Replaces the city's entry of a year's national days; recomputes the days added or removed. */
  async function savePublicDays(actor: Actor, body: { cityId: number; year: number; days: { day: string; kind: 'holiday' | 'makeup_workday'; name: string }[] }, ip: string) {
    const place = await resolvePlace(db, calendarScope(actor, 'calendar:write'), { cityId: body.cityId }, true);
    const byDay = new Map<string, { day: string; kind: 'holiday' | 'makeup_workday'; name: string }>();
    for (const [i, d] of body.days.entries()) {
      checkDate(d.day, `第 ${i + 1} 天`);
      if (!d.day.startsWith(`${body.year}-`)) throw badRequest('PUBLIC_DAY_OTHER_YEAR', `第 ${i + 1} 天 ${d.day} 不在 ${body.year} 年内：每次只录入一年的节假日`);
      const name = d.name.trim();
      if (!name) throw badRequest('PUBLIC_DAY_NAME_BLANK', `第 ${i + 1} 天 ${d.day} 缺少名称（如 春节、国庆节）`);
      byDay.set(d.day, { ...d, name });
    }
    const old = await q.publicDaysOf(db, [place.cityId], `${body.year}-01-01`, `${body.year}-12-31`);
    await q.replacePublicDays(db, place.cityId, body.year, [...byDay.values()], actor.userId, deps.clock.now().toISOString());
    const touched = [...new Set([...old.map((o) => o.day), ...byDay.keys()])].sort();
    const recomputed = await calendarChanged({ cityId: place.cityId }, touched);
    await audit(actor, 'calendar.public_days.save', { type: 'city', id: place.cityId }, ip, { year: body.year, days: byDay.size, recomputed });
    return { saved: byDay.size, recomputed };
  }

  // ---- the Excel import of terms ----

  /**
   * Imports a term file for a city (rows may name its counties) or a county: every row checked
   * first, then all written in one transaction or none (422 listing each error by row and column).
   * A term of the same place, stage and name gets the file's dates.
   */
  async function importTerms(actor: Actor, query: PlaceQuery, file: { filename: string; data: Buffer }, ip: string) {
    const place = await resolveRegion(db, calendarScope(actor, 'calendar:write'), query, true);
    const { rows, errors, totalRows } = await readTermFile(db, file, place);
    if (errors.length) {
      await deps.audit.record({
        actor: { userId: actor.userId, name: actor.name }, action: 'calendar.term.import', targetType: place.level, targetId: place.id,
        result: 'failure', ip, detail: { file: file.filename, rows: totalRows, errors: errors.length },
      });
      throw new AppError(422, 'TERM_IMPORT_INVALID', `校历文件有 ${errors.length} 处错误，未导入任何学期`, { errors: errors.slice(0, 1000), errorCount: errors.length });
    }
    const existing = await q.termsOf(db, [place.cityId]);
    const keyOf = (t: { countyId: number | null; stage: SchoolKind | null; name: string }) => `${q.termScopeKey({ cityId: place.cityId, ...t })}|${t.name}`;
    const before = new Map(existing.map((t) => [keyOf({ countyId: t.county_id, stage: t.stage, name: t.name }), t]));
    const now = deps.clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      for (const r of rows) await q.upsertTerm(trx, { cityId: place.cityId, countyId: r.countyId, stage: r.stage, name: r.name, startsOn: r.startsOn, endsOn: r.endsOn }, now);
    });
    const daysByNode = new Map<number | null, Set<string>>();
    for (const r of rows) {
      const old = before.get(keyOf(r));
      const days = daysByNode.get(r.countyId) ?? new Set<string>();
      for (const d of changedDays(old ? [old.starts_on, old.ends_on] : null, [r.startsOn, r.endsOn])) days.add(d);
      daysByNode.set(r.countyId, days);
    }
    let recomputed = 0;
    for (const [countyId, days] of daysByNode) {
      recomputed += await calendarChanged(nodeOf({ cityId: place.cityId, countyId }), [...days]);
    }
    await deps.audit.record({
      actor: { userId: actor.userId, name: actor.name }, action: 'calendar.term.import', targetType: place.level, targetId: place.id,
      result: 'success', ip, detail: { file: file.filename, imported: rows.length, recomputed },
    });
    return { imported: rows.length, recomputed };
  }

  return { listTerms, createTerm, updateTerm, deleteTerm, publicDays, savePublicDays, importTerms, termTemplate };
}

export type CalendarAdminService = ReturnType<typeof createCalendarAdminService>;
