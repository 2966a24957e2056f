import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import { addDays, maxDay, shanghaiDate } from '../../../../shared/dates.js';
import {
  DEFAULT_RECTIFY_DAYS, type DrillKind, SAFETY_AREAS, type SafetyArea, checklistOf,
} from '../../../../shared/safety-checklists.js';
import type { AuditService } from '../audit/audit.service.js';
import { staffAtNode } from '../people/who-answers.js';
import type { HazardsService } from './hazards.service.js';
import { isPrincipalOf, readScope, readableSchool, writableSchool } from './safety-access.js';
import { safetyDays } from './safety-dates.js';
import type {
  DrillPage, DrillSchema, NewDrillBody, NewSafetyCheckBody, SafetyCheckPage, SafetyCheckSchema, SafetyStatsSchema, SchoolAreasSchema,
} from './safety.schema.js';
import * as q from './safety.queries.js';

type Who = { actor: Actor; ip: string };
type SafetyCheck = Static<typeof SafetyCheckSchema>;
type StoredResult = { area: SafetyArea; items: { key: string; ok: boolean; note: string }[] };

/**
 * 平安校园's school side and figures: the areas a school checks, safety checks against the shared
 * checklists (a problem raises a hazard through the hazards service), drills, and the figures per
 * school, county and city.
 */
export function createSafetyService(deps: { db: Db; clock: Clock; audit: AuditService; hazards: HazardsService }) {
  const db = deps.db.db;
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  async function enabledAreas(schoolId: number): Promise<SafetyArea[]> {
    const off = new Set(await q.disabledAreas(db, schoolId));
    return SAFETY_AREAS.filter((a) => !off.has(a));
  }

  async function areas(actor: Actor, schoolId: number): Promise<Static<typeof SchoolAreasSchema>> {
    const school = await readableSchool(db, actor, schoolId);
    const staff = await staffAtNode(db, { schoolId }, ['principal', 'teacher'], { limit: 500 });
    const seen = new Set<number>();
    return {
      schoolId, schoolName: school.name, enabled: await enabledAreas(schoolId),
      canEdit: actor.permissions.has('safety:write') && isPrincipalOf(actor, schoolId),
      staff: staff.filter((s) => !seen.has(s.userId) && seen.add(s.userId)).map((s) => ({ userId: s.userId, name: s.name, role: s.role })),
    };
  }

  /** The principal turns areas on or off (a school without a dormitory or a bus). */
  async function setAreas(w: Who, schoolId: number, enabled: SafetyArea[]) {
    await writableSchool(db, w.actor, schoolId);
    if (!isPrincipalOf(w.actor, schoolId)) throw new AppError(403, 'SAFETY_PRINCIPAL_ONLY', '检查区域由本校校长设置');
    if (!enabled.length) throw badRequest('SAFETY_AREAS_EMPTY', '至少保留一个检查区域');
    const at = deps.clock.now().toISOString();
    for (const area of SAFETY_AREAS) await q.setArea(db, { school_id: schoolId, area, enabled: enabled.includes(area) ? 1 : 0, updated_at: at });
    await deps.audit.record({ ...by(w), action: 'safety.areas.set', targetType: 'school', targetId: schoolId, result: 'success', detail: { enabled } });
    return areas(w.actor, schoolId);
  }

  function checkView(r: q.SafetyCheckRow, hazardIds: number[]): SafetyCheck {
    const stored = JSON.parse(r.results) as StoredResult[];
    return {
      id: r.id, schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name, date: r.checked_on, problems: r.problems, note: r.note,
      byName: r.by_name, createdAt: r.created_at, hazardIds,
      results: stored.map((s) => ({
        area: s.area,
        items: s.items.map((i) => ({ ...i, label: checklistOf(s.area).items.find((c) => c.key === i.key)?.label ?? i.key })),
      })),
    };
  }

  /**
   * Records a check: each area enabled at the school, each item of its checklist once; every
   * problem raises a hazard (its level, who answers for it and its deadline default to 一般, the
   * checker, and a week after the check).
   */
  async function recordSafetyCheck(w: Who, body: Static<typeof NewSafetyCheckBody>): Promise<SafetyCheck> {
    await writableSchool(db, w.actor, body.schoolId);
    const today = shanghaiDate(deps.clock.now());
    if (body.date > today) throw badRequest('SAFETY_CHECK_FUTURE', `巡查日期 ${body.date} 晚于今天（${today}）：请填写实际巡查的日期`);
    const enabled = new Set(await enabledAreas(body.schoolId));
    const seenAreas = new Set<string>();
    for (const a of body.areas) {
      if (!enabled.has(a.area)) throw badRequest('SAFETY_AREA_DISABLED', `本校未启用「${checklistOf(a.area).label}」检查区域：请先由校长启用，或不检查该区域`);
      if (seenAreas.has(a.area)) throw badRequest('SAFETY_AREA_TWICE', `「${checklistOf(a.area).label}」在一次巡查中只能出现一次`);
      seenAreas.add(a.area);
      const keys = new Set(checklistOf(a.area).items.map((i) => i.key));
      const seen = new Set<string>();
      for (const item of a.items) {
        if (!keys.has(item.key)) throw badRequest('SAFETY_ITEM_UNKNOWN', `「${checklistOf(a.area).label}」没有检查项 ${item.key}：请按检查表填写`);
        if (seen.has(item.key)) throw badRequest('SAFETY_ITEM_TWICE', `检查项 ${item.key} 填写了两次`);
        seen.add(item.key);
        if (!item.ok && !item.note?.trim()) throw badRequest('SAFETY_PROBLEM_NOTE', `「${checklistOf(a.area).items.find((i) => i.key === item.key)!.label}」有问题：请写明问题情况`);
        if (!item.ok && item.hazard?.responsibleUserId) await deps.hazards.checkResponsible(body.schoolId, item.hazard.responsibleUserId);
        if (!item.ok && item.hazard?.deadline && item.hazard.deadline < today) {
          throw badRequest('SAFETY_DEADLINE_PAST', `整改期限 ${item.hazard.deadline} 已过：请填写今天（${today}）或以后的日期`);
        }
      }
    }
    const results: StoredResult[] = body.areas.map((a) => ({ area: a.area, items: a.items.map((i) => ({ key: i.key, ok: i.ok, note: i.note?.trim() ?? '' })) }));
    const problems = body.areas.flatMap((a) => a.items.filter((i) => !i.ok).map((i) => ({ area: a.area, item: i })));
    const id = await q.insertSafetyCheck(db, {
      school_id: body.schoolId, checked_on: body.date, results: JSON.stringify(results), problems: problems.length,
      note: body.note?.trim() ?? '', by_user_id: w.actor.userId, created_at: deps.clock.now().toISOString(),
    });
    const hazardIds: number[] = [];
    for (const p of problems) {
      const label = checklistOf(p.area).items.find((i) => i.key === p.item.key)!.label;
      hazardIds.push(await deps.hazards.insert(w, {
        schoolId: body.schoolId, checkId: id, area: p.area, item: p.item.key, title: `${checklistOf(p.area).label}：${label}`,
        description: p.item.hazard?.description?.trim() || p.item.note!.trim(), level: p.item.hazard?.level ?? 'general',
        responsibleUserId: p.item.hazard?.responsibleUserId ?? w.actor.userId,
        deadline: p.item.hazard?.deadline ?? addDays(maxDay(body.date, today), DEFAULT_RECTIFY_DAYS),
      }));
    }
    await deps.audit.record({ ...by(w), action: 'safety.check.create', targetType: 'safety_check', targetId: id, result: 'success', detail: { schoolId: body.schoolId, problems: problems.length, hazardIds } });
    return checkView((await q.findSafetyCheck(db, id, readScope(w.actor)))!, hazardIds);
  }

  async function check(actor: Actor, id: number): Promise<SafetyCheck> {
    const r = await q.findSafetyCheck(db, id, readScope(actor));
    if (!r) throw notFound('巡查记录');
    const hazards = await db.selectFrom('safety_hazards').select('id').where('check_id', '=', id).orderBy('id').execute();
    return checkView(r, hazards.map((h) => h.id));
  }

  async function checks(actor: Actor, f: { schoolId?: number; page: number; pageSize: number }): Promise<Static<typeof SafetyCheckPage>> {
    const rows = await q.listSafetyChecks(db, readScope(actor), { schoolId: f.schoolId, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
    return {
      items: rows.map((r) => ({ id: r.id, schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name, date: r.checked_on, problems: r.problems, note: r.note, byName: r.by_name, createdAt: r.created_at })),
      page: f.page, pageSize: f.pageSize,
    };
  }

  const drillView = (r: Awaited<ReturnType<typeof q.listDrills>>[number]): Static<typeof DrillSchema> => ({
    id: r.id, schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name, kind: r.kind as DrillKind, date: r.held_on, participants: r.participants,
    durationMinutes: r.duration_minutes, note: r.note, byName: r.by_name, createdAt: r.created_at,
  });

  async function recordDrill(w: Who, body: Static<typeof NewDrillBody>): Promise<Static<typeof DrillSchema>> {
    await writableSchool(db, w.actor, body.schoolId);
    const today = shanghaiDate(deps.clock.now());
    if (body.date > today) throw badRequest('SAFETY_DRILL_FUTURE', `演练日期 ${body.date} 晚于今天（${today}）：演练结束后再记录`);
    const id = await q.insertDrill(db, {
      school_id: body.schoolId, kind: body.kind, held_on: body.date, participants: body.participants, duration_minutes: body.durationMinutes,
      note: body.note?.trim() ?? '', by_user_id: w.actor.userId, created_at: deps.clock.now().toISOString(),
    });
    await deps.audit.record({ ...by(w), action: 'safety.drill.create', targetType: 'safety_drill', targetId: id, result: 'success', detail: { schoolId: body.schoolId, kind: body.kind } });
    const rows = await q.listDrills(db, readScope(w.actor), { schoolId: body.schoolId, limit: 100, offset: 0 });
    return drillView(rows.find((r) => r.id === id)!);
  }

  async function drills(actor: Actor, f: { schoolId?: number; page: number; pageSize: number }): Promise<Static<typeof DrillPage>> {
    const rows = await q.listDrills(db, readScope(actor), { schoolId: f.schoolId, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
    return { items: rows.map(drillView), page: f.page, pageSize: f.pageSize };
  }

  /** Figures per school in the caller's scope; each county's and the totals are sums of its schools' rows. */
  async function stats(actor: Actor): Promise<Static<typeof SafetyStatsSchema>> {
    const days = safetyDays(deps.clock.now());
    const schools = (await q.schoolFigures(db, readScope(actor), days)).map((s) => ({ ...s, onTimeRate: rate(s.rectifiedOnTime, s.rectified) }));
    const counties = new Map<number, { countyId: number; countyName: string } & Sums>();
    const totals = zero();
    for (const s of schools) {
      const c = counties.get(s.countyId) ?? { countyId: s.countyId, countyName: s.countyName, ...zero() };
      add(c, s);
      add(totals, s);
      counties.set(s.countyId, c);
    }
    return {
      ...days, schools,
      counties: [...counties.values()].map((c) => ({ ...c, onTimeRate: rate(c.rectifiedOnTime, c.rectified) })),
      totals: { ...totals, onTimeRate: rate(totals.rectifiedOnTime, totals.rectified) },
    };
  }

  return { areas, setAreas, recordSafetyCheck, check, checks, recordDrill, drills, stats };
}

type Sums = { schools: number; checksThisMonth: number; openHazards: number; overdueHazards: number; escalatedHazards: number; rectified: number; rectifiedOnTime: number; drillsThisTerm: number };
const SUMMED = ['checksThisMonth', 'openHazards', 'overdueHazards', 'escalatedHazards', 'rectified', 'rectifiedOnTime', 'drillsThisTerm'] as const;
const zero = (): Sums => ({ schools: 0, checksThisMonth: 0, openHazards: 0, overdueHazards: 0, escalatedHazards: 0, rectified: 0, rectifiedOnTime: 0, drillsThisTerm: 0 });
function add(into: Sums, s: Omit<Sums, 'schools'>) {
  into.schools += 1;
  for (const k of SUMMED) into[k] += s[k];
}
const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

export type SafetyService = ReturnType<typeof createSafetyService>;
