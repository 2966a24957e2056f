import type { Actor } from '../../access/actor.js';
import type { Db } from '../../db/database.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { SchoolKind } from '../../../../shared/domain.js';
import type { AuditService } from '../audit/audit.service.js';
import { calendarScope, canWriteCalendar as canWrite, type PlaceQuery, resolvePlace, resolveRegion } from '../calendar/calendar-places.js';
import { MAX_ID } from '../calendar/calendar.schema.js';
import { checkDate } from '../calendar/term-rules.js';
import type { ComplianceService } from './compliance.service.js';
import type { QuotaRule } from './quota-rules.js';

/**
 * The quota rules as the calendar page (校历与录播规则) edits them: which minimum applies from which
 * date, for a city or one county. Compliance owns the rules and recounts the days a change decides;
 * the calendar lends the places and who may write them.
 */
export function createQuotaRulesAdmin(deps: {
  db: Db; audit: AuditService;
  compliance: Pick<ComplianceService, 'addQuotaRule' | 'updateQuotaRule' | 'quotaRules' | 'findQuotaRule'>;
}) {
  const db = deps.db.db;
  const { compliance } = deps;

  function audit(actor: Actor, action: string, target: { type: string; id: number }, ip: string, detail: Record<string, unknown>) {
    return deps.audit.record({
      actor: { userId: actor.userId, name: actor.name }, action, targetType: target.type, targetId: target.id, result: 'success', ip, detail,
    });
  }

  const ruleJson = (actor: Actor, r: QuotaRule) => ({
    id: r.id!, level: r.countyId === null ? 'city' as const : 'county' as const, countyId: r.countyId, schoolKind: r.schoolKind,
    minLessons: r.minLessons, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, editable: canWrite(actor, r),
  });

  async function listRules(actor: Actor, query: PlaceQuery) {
    const place = await resolvePlace(db, calendarScope(actor, 'org:read'), query, false);
    const { defaultMinLessons, rules } = await compliance.quotaRules(place.cityId, place.countyId ?? undefined);
    return { defaultMinLessons, rules: rules.map((r) => ruleJson(actor, r)) };
  }

  function checkRule(r: { effectiveFrom: string; effectiveTo: string | null }) {
    checkDate(r.effectiveFrom, '生效日期');
    if (r.effectiveTo !== null) {
      checkDate(r.effectiveTo, '失效日期');
      if (r.effectiveTo < r.effectiveFrom) throw badRequest('RULE_DATES_REVERSED', `规则的失效日期 ${r.effectiveTo} 早于生效日期 ${r.effectiveFrom}`);
    }
  }

  type RuleInput = { schoolKind: SchoolKind | null; minLessons: number; effectiveFrom: string; effectiveTo: string | null };

  async function createRule(actor: Actor, body: PlaceQuery & RuleInput, ip: string) {
    const place = await resolveRegion(db, calendarScope(actor, 'calendar:write'), body, true);
    checkRule(body);
    const rule = { cityId: place.cityId, countyId: place.countyId, schoolKind: body.schoolKind, minLessons: body.minLessons, effectiveFrom: body.effectiveFrom, effectiveTo: body.effectiveTo };
    const res = await compliance.addQuotaRule(rule);
    await audit(actor, 'calendar.rule.create', { type: 'quota_rule', id: res.id }, ip, { ...rule, recomputed: res.recomputed });
    return res;
  }

  async function updateRule(actor: Actor, id: number, patch: Partial<RuleInput>, ip: string) {
    calendarScope(actor, 'calendar:write');
    const before = id <= MAX_ID ? await compliance.findQuotaRule(id) : undefined;
    if (!before || !canWrite(actor, before)) throw notFound('录播规则');
    const after = {
      schoolKind: patch.schoolKind !== undefined ? patch.schoolKind : before.schoolKind, minLessons: patch.minLessons ?? before.minLessons,
      effectiveFrom: patch.effectiveFrom ?? before.effectiveFrom, effectiveTo: patch.effectiveTo !== undefined ? patch.effectiveTo : before.effectiveTo,
    };
    checkRule(after);
    const res = await compliance.updateQuotaRule(before, after);
    await audit(actor, 'calendar.rule.update', { type: 'quota_rule', id }, ip, {
      before: { schoolKind: before.schoolKind, minLessons: before.minLessons, effectiveFrom: before.effectiveFrom, effectiveTo: before.effectiveTo },
      after, recomputed: res.recomputed,
    });
    return res;
  }

  return { listRules, createRule, updateRule };
}

export type QuotaRulesAdmin = ReturnType<typeof createQuotaRulesAdmin>;
