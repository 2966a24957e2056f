import type { Actor, Scope } from '../../access/actor.js';
import { scopeOf } from '../../access/actor.js';
import { regionInScope, schoolInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AppEventEmitter, CalendarPlace } from '../../events/app-events.js';
import { eachDay, isIsoDate } from '../../../../shared/dates.js';
import { loadCalendar } from './calendar-view.js';
import * as q from './calendar.queries.js';
import { checkDateRange } from './date-range.js';

interface PlaceQuery {
  schoolId?: number;
  countyId?: number;
  cityId?: number;
}

interface ResolvedPlace {
  level: 'city' | 'county' | 'school';
  id: number;
  name: string;
  cityId: number;
  countyId: number | null;
  schoolId: number | null;
  scopeKey: string;
}

/**
 * The school calendar as people see and correct it: each day's verdict for a school, county or
 * city, and the exceptions counties and schools add (a city's entries correct the national
 * dataset). Every change recomputes the compliance of the school-days it touches.
 */
export function createCalendarService(deps: { db: Db; clock: Clock; audit: AuditService; events: AppEventEmitter }) {
  const db = deps.db.db;

  function scopeFor(actor: Actor, action: 'org:read' | 'calendar:write'): Scope {
    const scope = scopeOf(actor, action);
    if (!scope) throw forbidden();
    return scope;
  }

  function onePlace(p: PlaceQuery): ['school' | 'county' | 'city', number] {
    const given = (['schoolId', 'countyId', 'cityId'] as const).filter((k) => p[k] !== undefined);
    if (given.length !== 1) throw badRequest('CALENDAR_PLACE_REQUIRED', '请指定且只指定一个范围：schoolId（学校）、countyId（县市区）或 cityId（市）');
    const key = given[0]!;
    return [key === 'schoolId' ? 'school' : key === 'countyId' ? 'county' : 'city', p[key]!];
  }

  /** Finds the place within the scope: read scope for viewing, write scope (own node and below) for changes. */
  async function resolve(scope: Scope, p: PlaceQuery, forWrite: boolean): Promise<ResolvedPlace> {
    const [level, id] = onePlace(p);
    if (level === 'school') {
      const s = await db.selectFrom('schools').select(['id', 'name', 'county_id', 'city_id']).where('id', '=', id).where(schoolInScope(scope)).executeTakeFirst();
      if (!s) throw notFound('学校');
      return { level, id, name: s.name, cityId: s.city_id, countyId: s.county_id, schoolId: s.id, scopeKey: `school:${id}` };
    }
    const region = await db.selectFrom('regions').select(['id', 'name', 'parent_id']).where('id', '=', id).where('level', '=', level)
      .where(regionInScope(scope)).executeTakeFirst();
    // Seeing a region is not enough to change it: a principal sees their county but answers for the school only.
    const writable = !forWrite || scope.all || (level === 'county'
      ? scope.countyIds.includes(id) || (region?.parent_id != null && scope.cityIds.includes(region.parent_id))
      : scope.cityIds.includes(id));
    if (!region || !writable) throw notFound(level === 'county' ? '县(市、区)' : '市');
    return level === 'county'
      ? { level, id, name: region.name, cityId: region.parent_id!, countyId: id, schoolId: null, scopeKey: `county:${id}` }
      : { level, id, name: region.name, cityId: id, countyId: null, schoolId: null, scopeKey: `city:${id}` };
  }

  function checkDay(day: string) {
    if (!isIsoDate(day)) throw badRequest('DATE_INVALID', `日期 ${day} 不存在：请用 YYYY-MM-DD 格式填写真实日期`);
  }

  /** Each day of the range with its verdict and reason, the terms and the exceptions that apply. */
  async function view(actor: Actor, query: PlaceQuery & { from: string; to: string }) {
    const place = await resolve(scopeFor(actor, 'org:read'), query, false);
    checkDateRange(query.from, query.to);
    const calendar = await loadCalendar(db, {
      schoolIds: place.schoolId !== null ? [place.schoolId] : undefined,
      countyIds: place.countyId !== null ? [place.countyId] : undefined,
      cityIds: [place.cityId],
      from: query.from, to: query.to,
    });
    const days = eachDay(query.from, query.to).map((day) => {
      const v = calendar.dayAt(place, day);
      return { day, schoolDay: v.schoolDay, reason: v.reason, name: v.name, level: v.level };
    });
    const keys = [`city:${place.cityId}`, ...(place.countyId !== null ? [`county:${place.countyId}`] : []), ...(place.schoolId !== null ? [`school:${place.schoolId}`] : [])];
    const [terms, exceptions] = await Promise.all([q.termsOf(db, [place.cityId]), q.overridesAt(db, keys, query.from, query.to)]);
    return {
      place: { level: place.level, id: place.id, name: place.name },
      from: query.from, to: query.to, days,
      terms: terms.filter((t) => t.county_id === null || t.county_id === place.countyId)
        .map((t) => ({ name: t.name, startsOn: t.starts_on, endsOn: t.ends_on, level: t.county_id === null ? 'city' as const : 'county' as const })),
      exceptions: exceptions.map((e) => ({ id: e.id, level: e.level, day: e.day, kind: e.kind, name: e.name })),
    };
  }

  /** Tells the days changed (compliance recounts them); resolves with how many school-days were recounted. */
  async function calendarChanged(place: CalendarPlace, days: string[]): Promise<number> {
    const replies = await deps.events.emit('calendar.changed', { place, days });
    return replies.reduce((n, r) => n + r.schoolDaysRecounted, 0);
  }

  function nodeOf(place: ResolvedPlace): CalendarPlace {
    if (place.schoolId !== null) return { schoolId: place.schoolId };
    if (place.countyId !== null) return { countyId: place.countyId };
    return { cityId: place.cityId };
  }

  /** Saves exceptions (or, for a city, corrections of the national dataset), replacing those of the same day. */
  async function saveExceptions(actor: Actor, body: PlaceQuery & { days: { day: string; kind: 'holiday' | 'workday'; name: string }[] }, ip: string) {
    const place = await resolve(scopeFor(actor, 'calendar:write'), body, true);
    for (const d of body.days) checkDay(d.day);
    const now = deps.clock.now().toISOString();
    const byDay = new Map(body.days.map((d) => [d.day, d]));
    await q.upsertOverrides(db, [...byDay.values()].map((d) => ({
      scope_key: place.scopeKey, level: place.level, city_id: place.cityId, county_id: place.countyId, school_id: place.schoolId,
      day: d.day, kind: d.kind, name: d.name.trim(), created_by_user_id: actor.userId, created_at: now,
    })));
    const recomputed = await calendarChanged(nodeOf(place), [...byDay.keys()]);
    await deps.audit.record({
      actor: { userId: actor.userId, name: actor.name }, action: 'calendar.exception.save', targetType: place.level, targetId: place.id,
      result: 'success', ip, detail: { days: [...byDay.keys()], recomputed },
    });
    return { saved: byDay.size, recomputed };
  }

  /** Removes the exception of a day at a place (nothing to remove is not an error). */
  async function deleteException(actor: Actor, query: PlaceQuery & { day: string }, ip: string) {
    const place = await resolve(scopeFor(actor, 'calendar:write'), query, true);
    checkDay(query.day);
    const deleted = await q.deleteOverride(db, place.scopeKey, query.day);
    const recomputed = deleted ? await calendarChanged(nodeOf(place), [query.day]) : 0;
    if (deleted) {
      await deps.audit.record({
        actor: { userId: actor.userId, name: actor.name }, action: 'calendar.exception.delete', targetType: place.level, targetId: place.id,
        result: 'success', ip, detail: { day: query.day, recomputed },
      });
    }
    return { deleted, recomputed };
  }

  return { view, saveExceptions, deleteException };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
