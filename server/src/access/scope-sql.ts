import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { FamilyReach, ResourceReach, Scope } from './actor.js';

/**
 * SQL predicates that confine a query to a scope. Every list, count, export and search applies
 * one of these in SQL, so nothing outside the caller's reach is ever loaded.
 */

interface SchoolColumns {
  id: string;
  county: string;
  city: string;
}

const SCHOOL_COLUMNS: SchoolColumns = { id: 'schools.id', county: 'schools.county_id', city: 'schools.city_id' };
const NOTHING = sql<SqlBool>`1 = 0`;
const EVERYTHING = sql<SqlBool>`1 = 1`;

function anyOf(parts: RawBuilder<unknown>[]): Expression<SqlBool> {
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : NOTHING;
}

/** Rows whose school (by id, county and city columns) lies in the scope. */
export function schoolInScope(scope: Scope, cols: SchoolColumns = SCHOOL_COLUMNS): Expression<SqlBool> {
  if (scope.all) return EVERYTHING;
  const parts: RawBuilder<unknown>[] = [];
  if (scope.cityIds.length) parts.push(sql`${sql.ref(cols.city)} in (${sql.join(scope.cityIds)})`);
  if (scope.countyIds.length) parts.push(sql`${sql.ref(cols.county)} in (${sql.join(scope.countyIds)})`);
  if (scope.schoolIds.length) parts.push(sql`${sql.ref(cols.id)} in (${sql.join(scope.schoolIds)})`);
  return anyOf(parts);
}

/** Regions (cities and counties) the scope reaches: its own nodes, their parents' path, and a city's counties. */
export function regionInScope(scope: Scope, idCol = 'regions.id', parentCol = 'regions.parent_id'): Expression<SqlBool> {
  if (scope.all) return EVERYTHING;
  const parts: RawBuilder<unknown>[] = [];
  const cities = scope.cityIds;
  if (cities.length) {
    parts.push(sql`${sql.ref(idCol)} in (${sql.join(cities)})`);
    parts.push(sql`${sql.ref(parentCol)} in (${sql.join(cities)})`);
  }
  if (scope.countyIds.length) parts.push(sql`${sql.ref(idCol)} in (${sql.join(scope.countyIds)})`);
  if (scope.schoolIds.length) {
    parts.push(sql`${sql.ref(idCol)} in (select county_id from schools where id in (${sql.join(scope.schoolIds)}))`);
  }
  return anyOf(parts);
}

/**
 * Staff accounts the scope reaches: those holding an assignment inside it. Accounts with no
 * assignment, system accounts and parents are reached only by an installation-wide scope.
 *
 * Written as `id in (uncorrelated subquery)`, not a correlated `exists`: SQLite ran the `exists`
 * once per user and, without statistics, through the county index (every assignment of the
 * county for each of the province's users: seconds for a county's first page). The set of user
 * ids is read once from the (city|county|school)_id, user_id indexes of migration 0015, and the
 * users are then found by primary key in id order, which is also the lists' order.
 *
 * PostgreSQL plans `in (subquery)` as a merge semi-join that walks users from the first id: a
 * city whose staff hold the highest ids paid a scan of nearly every account for its first page,
 * and a search counted through all of them. There the ids become an array (`= any(array(…))`),
 * read once, and the users are found by primary key: the same set, the same order.
 */
export function personInScope(scope: Scope, userIdCol = 'users.id', dialect: DialectName = 'sqlite'): Expression<SqlBool> {
  if (scope.all) return EVERYTHING;
  const parts: RawBuilder<unknown>[] = [];
  if (scope.cityIds.length) parts.push(sql`ra.city_id in (${sql.join(scope.cityIds)})`);
  if (scope.countyIds.length) parts.push(sql`ra.county_id in (${sql.join(scope.countyIds)})`);
  if (scope.schoolIds.length) parts.push(sql`ra.school_id in (${sql.join(scope.schoolIds)})`);
  if (!parts.length) return NOTHING;
  const ids = sql`select ra.user_id from role_assignments ra where ${sql.join(parts, sql` or `)}`;
  return dialect === 'postgres'
    ? sql<SqlBool>`${sql.ref(userIdCol)} = any(array(${ids}))`
    : sql<SqlBool>`${sql.ref(userIdCol)} in (${ids})`;
}

/** Children the scope reaches: a parent's own children, or the pupils of schools in scope. */
export function studentInScope(scope: Scope, idCol = 'students.id', schoolCol = 'students.school_id'): Expression<SqlBool> {
  if (scope.all) return EVERYTHING;
  const parts: RawBuilder<unknown>[] = [];
  if (scope.guardianUserId !== null) {
    parts.push(sql`${sql.ref(idCol)} in (select student_id from guardianships where user_id = ${scope.guardianUserId})`);
  }
  const schoolScope = { ...scope, guardianUserId: null };
  if (scope.cityIds.length || scope.countyIds.length || scope.schoolIds.length) {
    parts.push(sql`${sql.ref(schoolCol)} in (select id from schools where ${schoolInScope(schoolScope)})`);
  }
  return anyOf(parts);
}

/**
 * Research activities (教研活动) an actor reaches. Members (the organiser, teachers who teach or
 * observe, officers added to it) reach their activities; so do the staff who supervise either the
 * organising node or a participating school — through their non-teacher grants only, so a teacher
 * reaches an activity only by being in it. Everything attached to an activity (its lessons, their
 * comments, scores and codings) is seen by exactly those who reach the activity.
 *
 * `supervising` is the actor's research:read scope computed from their grants without the teacher
 * role (scopeOf on those grants); `userId` the actor.
 */
export function activityInScope(
  supervising: Scope | null, userId: number,
  cols = { id: 'research_activities.id', city: 'research_activities.city_id', county: 'research_activities.county_id', school: 'research_activities.school_id' },
): Expression<SqlBool> {
  const parts: RawBuilder<unknown>[] = [
    sql`${sql.ref(cols.id)} in (select activity_id from research_activity_members where user_id = ${userId})`,
  ];
  if (supervising?.all) return EVERYTHING;
  if (supervising) {
    const owner: RawBuilder<unknown>[] = [];
    const taking: RawBuilder<unknown>[] = [];
    if (supervising.cityIds.length) {
      owner.push(sql`${sql.ref(cols.city)} in (${sql.join(supervising.cityIds)})`);
      taking.push(sql`ras.city_id in (${sql.join(supervising.cityIds)})`);
    }
    if (supervising.countyIds.length) {
      owner.push(sql`${sql.ref(cols.county)} in (${sql.join(supervising.countyIds)})`);
      taking.push(sql`ras.county_id in (${sql.join(supervising.countyIds)})`);
    }
    if (supervising.schoolIds.length) {
      owner.push(sql`${sql.ref(cols.school)} in (${sql.join(supervising.schoolIds)})`);
      taking.push(sql`ras.school_id in (${sql.join(supervising.schoolIds)})`);
    }
    parts.push(...owner);
    if (taking.length) {
      parts.push(sql`${sql.ref(cols.id)} in (select ras.activity_id from research_activity_schools ras where ${sql.join(taking, sql` or `)})`);
    }
  }
  return anyOf(parts);
}

/**
 * Resources (优质资源) an actor reaches: what they published; everything of the schools they
 * supervise (principals, county and city staff: they review it); and what is published to a
 * scope they belong to — a school's own, their county's, their city's, or public. Every list,
 * count, search and export of resources applies this in SQL.
 */
export function resourceInScope(
  reach: ResourceReach,
  cols = { id: 'resources.id', city: 'resources.city_id', county: 'resources.county_id', school: 'resources.school_id', visible: 'resources.visible_scope', publisher: 'resources.publisher_user_id' },
): Expression<SqlBool> {
  if (reach.supervising?.all) return EVERYTHING;
  const parts: RawBuilder<unknown>[] = [
    sql`${sql.ref(cols.publisher)} = ${reach.userId}`,
    sql`${sql.ref(cols.visible)} = 'public'`,
  ];
  if (reach.supervising) {
    const s = reach.supervising;
    if (s.cityIds.length) parts.push(sql`${sql.ref(cols.city)} in (${sql.join(s.cityIds)})`);
    if (s.countyIds.length) parts.push(sql`${sql.ref(cols.county)} in (${sql.join(s.countyIds)})`);
    if (s.schoolIds.length) parts.push(sql`${sql.ref(cols.school)} in (${sql.join(s.schoolIds)})`);
  }
  if (reach.homeCityIds.length) parts.push(sql`(${sql.ref(cols.visible)} = 'city' and ${sql.ref(cols.city)} in (${sql.join(reach.homeCityIds)}))`);
  if (reach.homeCountyIds.length) parts.push(sql`(${sql.ref(cols.visible)} = 'county' and ${sql.ref(cols.county)} in (${sql.join(reach.homeCountyIds)}))`);
  if (reach.homeSchoolIds.length) parts.push(sql`(${sql.ref(cols.visible)} is not null and ${sql.ref(cols.school)} in (${sql.join(reach.homeSchoolIds)}))`);
  return anyOf(parts);
}

/** Resources anyone may read without signing in: published to the public. */
export function publicResource(visibleCol = 'resources.visible_scope'): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(visibleCol)} = 'public'`;
}

/**
 * Classes an actor reaches for family work (see familyReachOf): their children's classes for a
 * guardian, the classes they teach for a teacher, every class of a principal's school. Every
 * family list, count and item of the family and safety-at-home areas applies this or
 * childInFamilyReach in SQL, so a parent of class A never loads a row of class B.
 */
export function classInFamilyReach(reach: FamilyReach | null, classIdCol = 'classes.id'): Expression<SqlBool> {
  if (!reach) return NOTHING;
  const parts: RawBuilder<unknown>[] = [];
  if (reach.guardianUserId !== null) {
    parts.push(sql`${sql.ref(classIdCol)} in (select s.class_id from students s join guardianships g on g.student_id = s.id where g.user_id = ${reach.guardianUserId})`);
  }
  if (reach.classStaffUserId !== null) {
    parts.push(sql`${sql.ref(classIdCol)} in (select class_id from class_staff where user_id = ${reach.classStaffUserId})`);
  }
  if (reach.schoolIds.length) {
    parts.push(sql`${sql.ref(classIdCol)} in (select id from classes where school_id in (${sql.join(reach.schoolIds)}))`);
  }
  return anyOf(parts);
}

/**
 * Children an actor reaches for family work: a guardian only their own children (not their
 * children's classmates), class staff the children of their classes, a principal their school's.
 */
export function childInFamilyReach(reach: FamilyReach | null, studentIdCol = 'students.id', classIdCol = 'students.class_id'): Expression<SqlBool> {
  if (!reach) return NOTHING;
  const parts: RawBuilder<unknown>[] = [];
  if (reach.guardianUserId !== null) {
    parts.push(sql`${sql.ref(studentIdCol)} in (select student_id from guardianships where user_id = ${reach.guardianUserId})`);
  }
  if (reach.classStaffUserId !== null) {
    parts.push(sql`${sql.ref(classIdCol)} in (select class_id from class_staff where user_id = ${reach.classStaffUserId})`);
  }
  if (reach.schoolIds.length) {
    parts.push(sql`${sql.ref(classIdCol)} in (select id from classes where school_id in (${sql.join(reach.schoolIds)}))`);
  }
  return anyOf(parts);
}

/**
 * Live classes (互动教学) the scope reaches: those led from a school in it, and those with a
 * receiving room in a school in it. A receiving school therefore sees only the classes it takes
 * part in; a county sees every class led or received in its schools. Every list, item, media
 * answer and WebSocket join of live classes applies this in SQL.
 */
export function liveClassInScope(
  scope: Scope | null,
  cols = { id: 'live_classes.id', school: 'live_classes.school_id', county: 'live_classes.county_id', city: 'live_classes.city_id' },
): Expression<SqlBool> {
  if (!scope) return NOTHING;
  if (scope.all) return EVERYTHING;
  const receiving = schoolInScope(scope, { id: 'lcr.school_id', county: 'lcr.county_id', city: 'lcr.city_id' });
  return sql<SqlBool>`(${schoolInScope(scope, { id: cols.school, county: cols.county, city: cols.city })} or ${sql.ref(cols.id)} in (select lcr.live_class_id from live_class_rooms lcr where ${receiving}))`;
}
