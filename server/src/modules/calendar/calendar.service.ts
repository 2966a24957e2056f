import type { Actor, Scope } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AppEventEmitter, CalendarPlace } from '../../events/app-events.js';
import { eachDay, isIsoDate } from '../../../../shared/dates.js';
import { loadCalendar } from './calendar-view.js';
import * as q from './calendar.queries.js';
import { checkDateRange } from './date-range.js';
import { createCalendarAdminService } from './calendar-admin.service.js';
import { rangeStatus } from './day-status.js';
import { calendarScope, type PlaceQuery, type ResolvedPlace, resolvePlace } from './calendar-places.js';
import { schoolCalendar } from './school-calendar.js';

/**
 * The school calendar as people see and correct it: each day's verdict for a school, county or
 * city, and the exceptions counties and schools add (a city's entries correct the national
 * dataset). Every change recomputes the compliance of the school-days it touches.
 */
export function createCalendarService(deps: { db: Db; clock: Clock; audit: AuditService; events: AppEventEmitter }) {
  const db = deps.db.db;
  const admin = createCalendarAdminService({ db: deps.db, clock: deps.clock, audit: deps.audit, calendarChanged });

  const scopeFor = calendarScope;
  const resolve = (scope: Scope, p: PlaceQuery, forWrite: boolean) => resolvePlace(db, scope, p, forWrite);

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
      const v = place.schoolId !== null ? calendar.dayOf(place.schoolId, day) : calendar.dayAt(place, day);
      const pub = calendar.publicDayOf(place.cityId, day);
      const publicDay = pub.kind === 'holiday' || pub.kind === 'makeup_workday' ? { kind: pub.kind, name: pub.name ?? '' } : null;
      return { day, schoolDay: v.schoolDay, reason: v.reason, name: v.name, level: v.level, publicDay };
    });
    const keys = [`city:${place.cityId}`, ...(place.countyId !== null ? [`county:${place.countyId}`] : []), ...(place.schoolId !== null ? [`school:${place.schoolId}`] : [])];
    const [terms, exceptions] = await Promise.all([q.termsOf(db, [place.cityId]), q.overridesAt(db, keys, query.from, query.to)]);
    return {
      place: { level: place.level, id: place.id, name: place.name },
      from: query.from, to: query.to, days,
      terms: terms.filter((t) => t.county_id === null || t.county_id === place.countyId)
        .map((t) => ({ id: t.id, name: t.name, stage: t.stage, startsOn: t.starts_on, endsOn: t.ends_on, level: t.county_id === null ? 'city' as const : 'county' as const })),
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

  /**
   * What the pages say about a day (or range) before its figures, within the caller's `action`
   * scope: the whole scope, one county or one school (callers have checked those are in it).
   */
  function dayStatus(actor: Actor, action: 'compliance:read' | 'org:read', only: { countyId?: number; schoolId?: number }, from: string, to: string) {
    return rangeStatus(db, calendarScope(actor, action), only, from, to);
  }

  /** A school's days and terms for a caller that has already decided the school is reachable (the family app). */
  const ofSchool = (schoolId: number, from: string, to: string) => schoolCalendar(db, schoolId, from, to);

  return { view, saveExceptions, deleteException, dayStatus, admin, ofSchool };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
