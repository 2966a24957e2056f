import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../access/actor.js';
import { regionInScope, schoolInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';
import type { ActivityKind } from './analysis.figures.js';

/**
 * The research analysis's SQL: each figure is one grouped statement over all the schools (or
 * teachers) asked for, so a county of a hundred schools costs the same handful of statements as
 * one school. Every statement is confined to the schools of the caller's scope in SQL.
 *
 * The period's activities are those not deleted whose dates overlap it; a lesson, comment, score
 * or coding counts with the activity it was made in (work outside activities is not research
 * activity and is left out).
 */

type Db = Kysely<Database>;

export interface Period {
  from: string;
  to: string;
}

/** Schools asked for: the caller's scope, narrowed to a county or a school. */
export interface SchoolFilter {
  scope: Scope;
  countyId?: number;
  schoolId?: number;
}

function schoolPredicate(f: SchoolFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [schoolInScope(f.scope)];
  if (f.countyId !== undefined) parts.push(sql<SqlBool>`schools.county_id = ${f.countyId}`);
  if (f.schoolId !== undefined) parts.push(sql<SqlBool>`schools.id = ${f.schoolId}`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** `col` names a school of the filter (an uncorrelated subquery on the schools' scope indexes). */
function inSchools(col: string, f: SchoolFilter): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(col)} in (select schools.id from schools where ${schoolPredicate(f)})`;
}

/** The period's activities, as a derived table `ta` (id, kind, school_id, county_id). */
function termActivities(p: Period): RawBuilder<unknown> {
  return sql`(select id, kind, school_id, county_id from research_activities
    where deleted_at is null and starts_on <= ${p.to} and ends_on >= ${p.from})`;
}

/**
 * A lesson of an activity was reviewed in it: a live comment by someone other than its teacher
 * (notes on one's own lesson are not an observation), a rubric score or an S-T coding.
 */
function reviewed(l: string): RawBuilder<SqlBool> {
  const a = sql.ref(`${l}.activity_id`);
  const s = sql.ref(`${l}.school_id`);
  const g = sql.ref(`${l}.group_id`);
  const teacher = sql.ref(`${l}.teacher_user_id`);
  return sql<SqlBool>`(exists (select 1 from lesson_comments c where c.activity_id = ${a} and c.school_id = ${s} and c.group_id = ${g} and c.deleted_at is null
      and (${teacher} is null or c.author_user_id <> ${teacher}))
    or exists (select 1 from observation_scores o where o.activity_id = ${a} and o.school_id = ${s} and o.group_id = ${g})
    or exists (select 1 from st_codings sc where sc.school_id = ${s} and sc.group_id = ${g} and sc.activity_id = ${a}))`;
}

async function rows<T>(db: Db, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

export interface SchoolInfo {
  id: number;
  code: string;
  name: string;
  kind: 'kindergarten' | 'primary' | 'junior' | 'nine_year' | 'senior';
  locality: 'urban' | 'rural';
  poor_village: number;
  county_id: number;
  county_name: string;
}

/** The schools asked for, county by county in code order. */
export function schools(db: Db, f: SchoolFilter): Promise<SchoolInfo[]> {
  return db.selectFrom('schools').innerJoin('regions', 'regions.id', 'schools.county_id')
    .select(['schools.id', 'schools.code', 'schools.name', 'schools.kind', 'schools.locality', 'schools.poor_village', 'schools.county_id', 'regions.name as county_name'])
    .where(schoolPredicate(f)).orderBy('schools.county_id').orderBy('schools.code').execute();
}

/** The county, when the scope reaches it (a principal reaches their school's county); else undefined. */
export function countyInScope(db: Db, scope: Scope, countyId: number) {
  return db.selectFrom('regions').select(['id', 'name']).where('id', '=', countyId).where('level', '=', 'county')
    .where(regionInScope(scope)).executeTakeFirst();
}

/** Ids of the period's activities (an uncorrelated subquery). */
function termActivityIds(p: Period): RawBuilder<unknown> {
  return sql`(select id from research_activities where deleted_at is null and starts_on <= ${p.to} and ends_on >= ${p.from})`;
}

/**
 * Who took part in the period's activities for the schools asked for: the participating schools,
 * the organising school, and the schools of the members. One row per (activity, school); each
 * branch is narrowed to the period and the schools before the union removes repeats.
 */
function participationPairs(p: Period, f: SchoolFilter): RawBuilder<unknown> {
  return sql`(select ras.activity_id, ras.school_id from research_activity_schools ras
      where ras.activity_id in ${termActivityIds(p)} and ${inSchools('ras.school_id', f)}
    union select a.id as activity_id, a.school_id from research_activities a
      where a.deleted_at is null and a.starts_on <= ${p.to} and a.ends_on >= ${p.from} and a.school_id is not null and ${inSchools('a.school_id', f)}
    union select m.activity_id, m.school_id from research_activity_members m
      where m.activity_id in ${termActivityIds(p)} and m.school_id is not null and ${inSchools('m.school_id', f)})`;
}

export interface ParticipationRow {
  owner: number;
  kind: ActivityKind;
  activities: number;
  organised: number;
}

/**
 * Activities of the period per school (or per county: each activity once however many of its
 * schools took part) and kind, with those the school (county) organised.
 */
export function participation(db: Db, p: Period, f: SchoolFilter, by: 'school' | 'county'): Promise<ParticipationRow[]> {
  const owner = by === 'school' ? sql.ref('schools.id') : sql.ref('schools.county_id');
  const organiser = by === 'school' ? sql.ref('ta.school_id') : sql.ref('ta.county_id');
  return rows(db, sql<ParticipationRow>`
    select ${owner} as owner, ta.kind as kind, count(distinct ta.id) as activities,
      count(distinct case when ${organiser} = ${owner} then ta.id end) as organised
    from ${participationPairs(p, f)} pa
    join ${termActivities(p)} ta on ta.id = pa.activity_id
    join schools on schools.id = pa.school_id
    group by ${owner}, ta.kind`);
}

/** Distinct people of each school (or county) who were members of the period's activities. */
export function participants(db: Db, p: Period, f: SchoolFilter, by: 'school' | 'county'): Promise<{ owner: number; people: number }[]> {
  const owner = by === 'school' ? sql.ref('schools.id') : sql.ref('schools.county_id');
  return rows(db, sql<{ owner: number; people: number }>`
    select ${owner} as owner, count(distinct m.user_id) as people
    from research_activity_members m
    join ${termActivities(p)} ta on ta.id = m.activity_id
    join schools on schools.id = m.school_id
    where ${schoolPredicate(f)}
    group by ${owner}`);
}

export interface LessonCountRow {
  owner: number;
  attached: number;
  observed: number;
}

/** Lessons of each school attached to the period's activities, and how many of them were reviewed there. */
export function lessonsBySchool(db: Db, p: Period, f: SchoolFilter): Promise<LessonCountRow[]> {
  return rows(db, sql<LessonCountRow>`
    select l.school_id as owner, count(*) as attached, sum(case when ${reviewed('l')} then 1 else 0 end) as observed
    from research_activity_lessons l
    join ${termActivities(p)} ta on ta.id = l.activity_id
    where ${inSchools('l.school_id', f)}
    group by l.school_id`);
}

/** Lessons each of the teachers taught attached to the period's activities, and how many were reviewed. */
export function lessonsByTeacher(db: Db, p: Period, userIds: readonly number[]): Promise<LessonCountRow[]> {
  if (!userIds.length) return Promise.resolve([]);
  return rows(db, sql<LessonCountRow>`
    select l.teacher_user_id as owner, count(*) as attached, sum(case when ${reviewed('l')} then 1 else 0 end) as observed
    from research_activity_lessons l
    join ${termActivities(p)} ta on ta.id = l.activity_id
    where l.teacher_user_id in (${sql.join(userIds)})
    group by l.teacher_user_id`);
}

/**
 * Comments received: live comments in the period's activities on a lesson attached there, by
 * someone other than the lesson's teacher (their answers are not feedback received), per school
 * of the lesson or per teacher.
 */
export function commentsReceived(db: Db, p: Period, who: { schools: SchoolFilter } | { teachers: readonly number[] }): Promise<{ owner: number; comments: number }[]> {
  const bySchool = 'schools' in who;
  if (!bySchool && !who.teachers.length) return Promise.resolve([]);
  const owner = bySchool ? sql.ref('c.school_id') : sql.ref('l.teacher_user_id');
  const where = bySchool ? inSchools('c.school_id', who.schools) : sql`l.teacher_user_id in (${sql.join(who.teachers)})`;
  return rows(db, sql<{ owner: number; comments: number }>`
    select ${owner} as owner, count(*) as comments
    from lesson_comments c
    join ${termActivities(p)} ta on ta.id = c.activity_id
    join research_activity_lessons l on l.activity_id = c.activity_id and l.school_id = c.school_id and l.group_id = c.group_id
    where c.deleted_at is null and (l.teacher_user_id is null or c.author_user_id <> l.teacher_user_id) and ${where}
    group by ${owner}`);
}

/**
 * Comments given in the period's activities: per school of the author's membership in that
 * activity (an officer taking part for no school gives for none), or per author.
 */
export function commentsGiven(db: Db, p: Period, who: { schools: SchoolFilter } | { teachers: readonly number[] }): Promise<{ owner: number; comments: number }[]> {
  if ('schools' in who) {
    return rows(db, sql<{ owner: number; comments: number }>`
      select m.school_id as owner, count(*) as comments
      from lesson_comments c
      join ${termActivities(p)} ta on ta.id = c.activity_id
      join research_activity_members m on m.activity_id = c.activity_id and m.user_id = c.author_user_id
      where c.deleted_at is null and ${inSchools('m.school_id', who.schools)}
      group by m.school_id`);
  }
  if (!who.teachers.length) return Promise.resolve([]);
  return rows(db, sql<{ owner: number; comments: number }>`
    select c.author_user_id as owner, count(*) as comments
    from lesson_comments c
    join ${termActivities(p)} ta on ta.id = c.activity_id
    where c.deleted_at is null and c.author_user_id in (${sql.join(who.teachers)})
    group by c.author_user_id`);
}

/** S-T codings each person made in the period's activities. */
export function codingsGiven(db: Db, p: Period, userIds: readonly number[]): Promise<{ owner: number; codings: number }[]> {
  if (!userIds.length) return Promise.resolve([]);
  return rows(db, sql<{ owner: number; codings: number }>`
    select sc.coder_user_id as owner, count(*) as codings
    from st_codings sc
    join ${termActivities(p)} ta on ta.id = sc.activity_id
    where sc.coder_user_id in (${sql.join(userIds)})
    group by sc.coder_user_id`);
}

export interface CodingOfLesson {
  owner: number;
  activity_id: number;
  school_id: number;
  group_id: string;
  codes: string;
}

/**
 * The S-T codings of lessons attached to the period's activities, per school of the lesson or per
 * its teacher: the codes come back (one short string per coding) because Rt, Ch and the type are
 * read from the sequence, not from anything SQL can sum.
 */
export function codingsOfLessons(db: Db, p: Period, who: { schools: SchoolFilter } | { teachers: readonly number[] }): Promise<CodingOfLesson[]> {
  const bySchool = 'schools' in who;
  if (!bySchool && !who.teachers.length) return Promise.resolve([]);
  const owner = bySchool ? sql.ref('sc.school_id') : sql.ref('l.teacher_user_id');
  const where = bySchool ? inSchools('sc.school_id', who.schools) : sql`l.teacher_user_id in (${sql.join(who.teachers)})`;
  return rows(db, sql<CodingOfLesson>`
    select ${owner} as owner, sc.activity_id, sc.school_id, sc.group_id, sc.codes
    from st_codings sc
    join ${termActivities(p)} ta on ta.id = sc.activity_id
    join research_activity_lessons l on l.activity_id = sc.activity_id and l.school_id = sc.school_id and l.group_id = sc.group_id
    where ${where}`);
}

/** Activities of the period per member and kind, with those they organised. */
export function participationByPerson(db: Db, p: Period, userIds: readonly number[]): Promise<ParticipationRow[]> {
  if (!userIds.length) return Promise.resolve([]);
  return rows(db, sql<ParticipationRow>`
    select m.user_id as owner, ta.kind as kind, count(*) as activities,
      sum(case when m.role = 'organiser' then 1 else 0 end) as organised
    from research_activity_members m
    join ${termActivities(p)} ta on ta.id = m.activity_id
    where m.user_id in (${sql.join(userIds)})
    group by m.user_id, ta.kind`);
}

/**
 * People who worked for a school in the period's research without (perhaps) a role there: its
 * members in the period's activities and the teachers of its attached lessons.
 */
export function researchPeopleOfSchool(db: Db, p: Period, schoolId: number): Promise<{ user_id: number }[]> {
  return rows(db, sql<{ user_id: number }>`
    select m.user_id as user_id from research_activity_members m join ${termActivities(p)} ta on ta.id = m.activity_id where m.school_id = ${schoolId}
    union
    select l.teacher_user_id as user_id from research_activity_lessons l join ${termActivities(p)} ta on ta.id = l.activity_id
      where l.school_id = ${schoolId} and l.teacher_user_id is not null`);
}
