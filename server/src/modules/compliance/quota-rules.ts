import type { Kysely } from 'kysely';
import type { SchoolKind } from '../../../../shared/domain.js';
import type { Database, QuotaRuleTable } from '../../db/schema.js';

/** The article's rule (每学校每日不少于2节课的录播), for every kind of school, wherever no other rule applies. */
export const DEFAULT_MIN_LESSONS = 2;

export interface QuotaRule {
  id: number | null;
  cityId: number;
  countyId: number | null;
  schoolKind: SchoolKind | null;
  minLessons: number;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface QuotaSchool {
  cityId: number;
  countyId: number;
  kind: SchoolKind;
}

const DEFAULT_RULE: QuotaRule = {
  id: null, cityId: 0, countyId: null, schoolKind: null, minLessons: DEFAULT_MIN_LESSONS, effectiveFrom: '0000-01-01', effectiveTo: null,
};

// A county's rule beats its city's; a rule for the school's kind beats one for every kind.
function specificity(r: QuotaRule): number {
  return (r.countyId !== null ? 2 : 0) + (r.schoolKind !== null ? 1 : 0);
}

/**
 * The rule for a school on a date: of the rules in force that day for its city, county and kind,
 * the most specific, and of equals the latest to take effect; the article's default otherwise.
 */
export function pickRule(rules: readonly QuotaRule[], school: QuotaSchool, day: string): QuotaRule {
  let best: QuotaRule = DEFAULT_RULE;
  let bestRank = -1;
  for (const r of rules) {
    if (r.cityId !== school.cityId) continue;
    if (r.countyId !== null && r.countyId !== school.countyId) continue;
    if (r.schoolKind !== null && r.schoolKind !== school.kind) continue;
    if (r.effectiveFrom > day || (r.effectiveTo !== null && r.effectiveTo < day)) continue;
    const rank = specificity(r);
    if (rank > bestRank || (rank === bestRank && r.effectiveFrom > best.effectiveFrom)) {
      best = r;
      bestRank = rank;
    }
  }
  return best;
}

export interface QuotaBook {
  ruleFor(school: QuotaSchool, day: string): QuotaRule;
}

function toRule(r: Pick<QuotaRuleTable, 'city_id' | 'county_id' | 'school_kind' | 'min_lessons' | 'effective_from' | 'effective_to'> & { id: number }): QuotaRule {
  return {
    id: r.id, cityId: r.city_id, countyId: r.county_id, schoolKind: r.school_kind, minLessons: r.min_lessons,
    effectiveFrom: r.effective_from, effectiveTo: r.effective_to,
  };
}

/** Loads the quota rules of some cities once, for deciding many school-days. */
export async function loadQuotaRules(db: Kysely<Database>, cityIds: readonly number[]): Promise<QuotaBook> {
  const rows = cityIds.length
    ? await db.selectFrom('quota_rules')
      .select(['id', 'city_id', 'county_id', 'school_kind', 'min_lessons', 'effective_from', 'effective_to'])
      .where('city_id', 'in', [...new Set(cityIds)]).execute()
    : [];
  const rules = rows.map(toRule);
  return { ruleFor: (school, day) => pickRule(rules, school, day) };
}

/** Adds a rule; the caller recomputes the school-days it touches (compliance service `addQuotaRule`). */
export async function insertQuotaRule(db: Kysely<Database>, rule: Omit<QuotaRule, 'id'>, now: string): Promise<number> {
  const row = await db.insertInto('quota_rules').values({
    city_id: rule.cityId, county_id: rule.countyId, school_kind: rule.schoolKind, min_lessons: rule.minLessons,
    effective_from: rule.effectiveFrom, effective_to: rule.effectiveTo, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The rules of a city, and of one of its counties when given (all its counties' when not), oldest first. */
export async function listQuotaRules(db: Kysely<Database>, cityId: number, countyId?: number): Promise<QuotaRule[]> {
  let query = db.selectFrom('quota_rules')
    .select(['id', 'city_id', 'county_id', 'school_kind', 'min_lessons', 'effective_from', 'effective_to'])
    .where('city_id', '=', cityId);
  if (countyId !== undefined) query = query.where((eb) => eb.or([eb('county_id', 'is', null), eb('county_id', '=', countyId)]));
  return (await query.orderBy('effective_from').orderBy('id').execute()).map(toRule);
}

export async function findQuotaRule(db: Kysely<Database>, id: number): Promise<QuotaRule | undefined> {
  const row = await db.selectFrom('quota_rules')
    .select(['id', 'city_id', 'county_id', 'school_kind', 'min_lessons', 'effective_from', 'effective_to'])
    .where('id', '=', id).executeTakeFirst();
  return row ? toRule(row) : undefined;
}

export async function updateQuotaRuleRow(db: Kysely<Database>, id: number, rule: Pick<QuotaRule, 'schoolKind' | 'minLessons' | 'effectiveFrom' | 'effectiveTo'>): Promise<void> {
  await db.updateTable('quota_rules').set({
    school_kind: rule.schoolKind, min_lessons: rule.minLessons, effective_from: rule.effectiveFrom, effective_to: rule.effectiveTo,
  }).where('id', '=', id).execute();
}
