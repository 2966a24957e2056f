import type { Expression, Kysely, SqlBool } from 'kysely';
import { type Actor, scopeOf } from '../../access/actor.js';
import { schoolInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import * as q from './safety.queries.js';

/**
 * Who reaches which school's safety work: safety:read in the actor's scope (the school's principal
 * and teachers their school, county staff their county, the city its city, inspectors read);
 * writing checks, hazards and drills is the school's own staff's (principal, teacher), never a
 * bureau's: county staff hold safety:write by the policy, but here they read, count and chase
 * escalated hazards (the emergency notice to families is the notices area's, under notice:write).
 */
export function readScope(actor: Actor): Expression<SqlBool> {
  const scope = scopeOf(actor, 'safety:read');
  if (!scope) throw forbidden();
  return schoolInScope(scope);
}

export const isPrincipalOf = (actor: Actor, schoolId: number) => actor.grants.some((g) => g.role === 'principal' && g.schoolId === schoolId);
export const isStaffOf = (actor: Actor, schoolId: number) =>
  actor.grants.some((g) => (g.role === 'principal' || g.role === 'teacher') && g.schoolId === schoolId);

export const schoolStaffOnly = () => new AppError(403, 'SAFETY_SCHOOL_STAFF_ONLY', '安全巡查、隐患和演练由本校校长或教师记录；教育局可查看和统计');

/** A school the actor reads (404 otherwise), with its county and city. */
export async function readableSchool(db: Kysely<Database>, actor: Actor, schoolId: number) {
  const school = await q.schoolInScope(db, schoolId, readScope(actor));
  if (!school) throw notFound('学校');
  return school;
}

/** A school whose safety records the actor writes: 404 out of reach, 403 for a bureau that only reads it. */
export async function writableSchool(db: Kysely<Database>, actor: Actor, schoolId: number) {
  if (!actor.permissions.has('safety:write')) throw forbidden();
  const school = await readableSchool(db, actor, schoolId);
  if (!isStaffOf(actor, schoolId)) throw schoolStaffOnly();
  return school;
}
