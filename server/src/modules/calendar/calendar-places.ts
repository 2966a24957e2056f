import type { Kysely } from 'kysely';
import type { Actor, Scope } from '../../access/actor.js';
import { scopeOf } from '../../access/actor.js';
import { regionInScope, schoolInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';

/** A place named by a request: exactly one of the three. */
export interface PlaceQuery {
  schoolId?: number;
  countyId?: number;
  cityId?: number;
}

export interface ResolvedPlace {
  level: 'city' | 'county' | 'school';
  id: number;
  name: string;
  cityId: number;
  countyId: number | null;
  schoolId: number | null;
  scopeKey: string;
}

export function calendarScope(actor: Actor, action: 'org:read' | 'calendar:write' | 'compliance:read'): Scope {
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

/** Whether a write scope reaches a city or county node itself (own node and below), not just sees it. */
export function writesRegion(scope: Scope, level: 'city' | 'county', id: number, cityId: number): boolean {
  if (scope.all) return true;
  return level === 'county' ? scope.countyIds.includes(id) || scope.cityIds.includes(cityId) : scope.cityIds.includes(id);
}

/** Finds the place within the scope: read scope for viewing, write scope (own node and below) for changes. */
export async function resolvePlace(db: Kysely<Database>, scope: Scope, p: PlaceQuery, forWrite: boolean): Promise<ResolvedPlace> {
  const [level, id] = onePlace(p);
  if (level === 'school') {
    const s = await db.selectFrom('schools').select(['id', 'name', 'county_id', 'city_id']).where('id', '=', id).where(schoolInScope(scope)).executeTakeFirst();
    if (!s) throw notFound('学校');
    return { level, id, name: s.name, cityId: s.city_id, countyId: s.county_id, schoolId: s.id, scopeKey: `school:${id}` };
  }
  const region = await db.selectFrom('regions').select(['id', 'name', 'parent_id']).where('id', '=', id).where('level', '=', level)
    .where(regionInScope(scope)).executeTakeFirst();
  // Seeing a region is not enough to change it: a principal sees their county but answers for the school only.
  const cityId = level === 'county' ? region?.parent_id ?? null : id;
  if (!region || cityId === null || (forWrite && !writesRegion(scope, level, id, cityId))) throw notFound(level === 'county' ? '县(市、区)' : '市');
  return level === 'county'
    ? { level, id, name: region.name, cityId, countyId: id, schoolId: null, scopeKey: `county:${id}` }
    : { level, id, name: region.name, cityId: id, countyId: null, schoolId: null, scopeKey: `city:${id}` };
}

/** Terms and quota rules are set for a city or a county, never a school. */
export async function resolveRegion(db: Kysely<Database>, scope: Scope, p: PlaceQuery, forWrite: boolean): Promise<ResolvedPlace> {
  if (p.schoolId !== undefined && p.countyId === undefined && p.cityId === undefined) {
    throw badRequest('CALENDAR_REGION_REQUIRED', '学期和录播规则由市或县(市、区)设定：请指定 cityId（市）或 countyId（县市区），不能指定学校');
  }
  return resolvePlace(db, scope, p, forWrite);
}

/**
 * A city whose national days the scope may read: its own city, or the city of any county or
 * school it reaches (a county's staff read the holidays their schools keep); else 404.
 */
export async function readableCity(db: Kysely<Database>, scope: Scope, cityId: number): Promise<{ id: number; name: string }> {
  const city = await db.selectFrom('regions').select(['id', 'name']).where('id', '=', cityId).where('level', '=', 'city').executeTakeFirst();
  const reaches = async () => {
    if (scope.all || scope.cityIds.includes(cityId)) return true;
    if (scope.countyIds.length && await db.selectFrom('regions').select('id').where('parent_id', '=', cityId).where('id', 'in', scope.countyIds).executeTakeFirst()) return true;
    return scope.schoolIds.length > 0 && !!await db.selectFrom('schools').select('id').where('city_id', '=', cityId).where('id', 'in', scope.schoolIds).executeTakeFirst();
  };
  if (!city || !(await reaches())) throw notFound('市');
  return city;
}

/** Whether the actor may change what is set at a city or county (terms, quota rules, national days). */
export function canWriteCalendar(actor: Actor, node: { cityId: number; countyId: number | null }): boolean {
  if (!actor.permissions.has('calendar:write')) return false;
  const scope = calendarScope(actor, 'calendar:write');
  return node.countyId === null ? writesRegion(scope, 'city', node.cityId, node.cityId) : writesRegion(scope, 'county', node.countyId, node.cityId);
}
