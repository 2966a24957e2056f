import { type Expression, type Insertable, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database, ResearchActivityFileTable, ResearchActivityLessonTable, ResearchActivityTable } from '../../db/schema.js';

type Q = Kysely<Database>;

export interface ActivityFilter {
  /** Only activities this person is a member of (the "mine" view). */
  memberUserId?: number;
  status?: ResearchActivityTable['status'];
  kind?: ResearchActivityTable['kind'];
  subject?: string;
  countyId?: number;
  schoolId?: number;
  groupId?: number;
  text?: string;
}

/** Activities in `where` (the caller's activityInScope) matching the filter; soft-deleted ones never. */
function filtered(db: Q, where: Expression<SqlBool>, f: ActivityFilter) {
  let q = db.selectFrom('research_activities').where('research_activities.deleted_at', 'is', null).where(where);
  if (f.memberUserId !== undefined) {
    q = q.where('research_activities.id', 'in', (eb) => eb.selectFrom('research_activity_members').select('activity_id').where('user_id', '=', f.memberUserId!));
  }
  if (f.status) q = q.where('research_activities.status', '=', f.status);
  if (f.kind) q = q.where('research_activities.kind', '=', f.kind);
  if (f.subject) q = q.where('research_activities.subject', '=', f.subject);
  if (f.groupId !== undefined) q = q.where('research_activities.group_id', '=', f.groupId);
  // A county or school "has" an activity it organises or takes part in.
  if (f.countyId !== undefined) {
    const id = f.countyId;
    q = q.where((eb) => eb.or([
      eb('research_activities.county_id', '=', id),
      eb('research_activities.id', 'in', eb.selectFrom('research_activity_schools').select('activity_id').where('county_id', '=', id)),
    ]));
  }
  if (f.schoolId !== undefined) {
    const id = f.schoolId;
    q = q.where((eb) => eb.or([
      eb('research_activities.school_id', '=', id),
      eb('research_activities.id', 'in', eb.selectFrom('research_activity_schools').select('activity_id').where('school_id', '=', id)),
    ]));
  }
  if (f.text) {
    const words = f.text.replace(/[%_\\]/g, '').trim();
    if (words) q = q.where('research_activities.topic', 'like', `%${words}%`);
  }
  return q;
}

const SUMMARY = [
  'research_activities.id', 'research_activities.kind', 'research_activities.topic', 'research_activities.subject',
  'research_activities.grade', 'research_activities.description', 'research_activities.status', 'research_activities.city_id',
  'research_activities.county_id', 'research_activities.school_id', 'research_activities.group_id',
  'research_activities.organiser_user_id', 'research_activities.rubric_id', 'research_activities.st_interval_seconds',
  'research_activities.starts_on', 'research_activities.ends_on', 'research_activities.review_deadline', 'research_activities.summary',
  'research_activities.summarised_at', 'research_activities.summarised_by_user_id', 'research_activities.created_at',
  'organiser.name as organiser_name', 'research_groups.name as group_name', 'city.name as city_name', 'county.name as county_name',
  'school.name as school_name',
] as const;

function withNames<T extends ReturnType<typeof filtered>>(q: T) {
  return q
    .innerJoin('users as organiser', 'organiser.id', 'research_activities.organiser_user_id')
    .innerJoin('regions as city', 'city.id', 'research_activities.city_id')
    .leftJoin('regions as county', 'county.id', 'research_activities.county_id')
    .leftJoin('schools as school', 'school.id', 'research_activities.school_id')
    .leftJoin('research_groups', 'research_groups.id', 'research_activities.group_id')
    .select(SUMMARY)
    .select([
      sql<number>`(select count(*) from research_activity_lessons l where l.activity_id = research_activities.id)`.as('lesson_count'),
      sql<number>`(select count(*) from research_activity_members m where m.activity_id = research_activities.id)`.as('member_count'),
    ]);
}

export type ActivityRow = Awaited<ReturnType<typeof listActivities>>[number];

/** A page of activities, the soonest to start last (the newest plans first). */
export function listActivities(db: Q, where: Expression<SqlBool>, f: ActivityFilter, limit: number, offset: number) {
  return withNames(filtered(db, where, f))
    .orderBy('research_activities.starts_on', 'desc').orderBy('research_activities.id', 'desc')
    .limit(limit).offset(offset).execute();
}

export async function countActivities(db: Q, where: Expression<SqlBool>, f: ActivityFilter): Promise<number> {
  const row = await filtered(db, where, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many activities per status and kind (one row per pair). */
export function countByStatusAndKind(db: Q, where: Expression<SqlBool>, f: ActivityFilter) {
  return filtered(db, where, f)
    .select(['research_activities.status', 'research_activities.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['research_activities.status', 'research_activities.kind']).execute();
}

export function findActivity(db: Q, where: Expression<SqlBool>, id: number) {
  return withNames(filtered(db, where, {})).where('research_activities.id', '=', id).executeTakeFirst();
}

/** Participating schools of each activity, with their codes and counties. */
export async function schoolsOf(db: Q, activityIds: readonly number[]) {
  const out = new Map<number, { id: number; code: string; name: string; countyId: number; countyName: string }[]>();
  if (!activityIds.length) return out;
  const rows = await db.selectFrom('research_activity_schools as ras')
    .innerJoin('schools', 'schools.id', 'ras.school_id').innerJoin('regions as county', 'county.id', 'ras.county_id')
    .select(['ras.activity_id', 'schools.id', 'schools.code', 'schools.name', 'ras.county_id', 'county.name as county_name'])
    .where('ras.activity_id', 'in', [...activityIds]).orderBy('ras.activity_id').orderBy('schools.code').execute();
  for (const r of rows) {
    out.set(r.activity_id, [...(out.get(r.activity_id) ?? []), { id: r.id, code: r.code, name: r.name, countyId: r.county_id, countyName: r.county_name }]);
  }
  return out;
}

/** Schools by id with their county and city, for checking a form's choice. */
export function schoolNodes(db: Q, ids: readonly number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('schools').select(['id', 'code', 'name', 'county_id', 'city_id']).where('id', 'in', [...ids]).execute();
}

export function regionOf(db: Q, id: number) {
  return db.selectFrom('regions').select(['id', 'name', 'level', 'parent_id']).where('id', '=', id).executeTakeFirst();
}

export function membersOf(db: Q, activityId: number) {
  return db.selectFrom('research_activity_members as m').innerJoin('users', 'users.id', 'm.user_id')
    .leftJoin('schools', 'schools.id', 'm.school_id')
    .select(['m.user_id', 'm.role', 'm.school_id', 'users.name', 'schools.name as school_name'])
    .where('m.activity_id', '=', activityId)
    .orderBy(sql`case m.role when 'organiser' then 0 when 'teacher' then 1 else 2 end`).orderBy('users.name').execute();
}

export function lessonsOf(db: Q, activityId: number) {
  return db.selectFrom('research_activity_lessons as l').innerJoin('schools', 'schools.id', 'l.school_id')
    .innerJoin('regions as county', 'county.id', 'l.county_id').innerJoin('users as attacher', 'attacher.id', 'l.attached_by_user_id')
    .selectAll('l').select(['schools.name as school_name', 'county.name as county_name', 'attacher.name as attached_by_name'])
    .where('l.activity_id', '=', activityId).orderBy('l.position').orderBy('l.id').execute();
}
export type LessonRow = Awaited<ReturnType<typeof lessonsOf>>[number];

export function findLesson(db: Q, activityId: number, lesson: { schoolId: number; groupId: string }) {
  return db.selectFrom('research_activity_lessons').selectAll()
    .where('activity_id', '=', activityId).where('school_id', '=', lesson.schoolId).where('group_id', '=', lesson.groupId).executeTakeFirst();
}

export async function insertLesson(db: Q, row: Omit<Insertable<ResearchActivityLessonTable>, 'position'>): Promise<number> {
  const last = await db.selectFrom('research_activity_lessons').select((eb) => eb.fn.max('position').as('p'))
    .where('activity_id', '=', row.activity_id).executeTakeFirst();
  const position = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1;
  return (await db.insertInto('research_activity_lessons').values({ ...row, position }).returning('id').executeTakeFirstOrThrow()).id;
}

export function filesOf(db: Q, activityId: number) {
  return db.selectFrom('research_activity_files as f').innerJoin('users', 'users.id', 'f.uploaded_by_user_id')
    .selectAll('f').select('users.name as uploaded_by_name')
    .where('f.activity_id', '=', activityId).where('f.deleted_at', 'is', null).orderBy('f.created_at').orderBy('f.id').execute();
}
export type FileRow = Awaited<ReturnType<typeof filesOf>>[number];

export function findFile(db: Q, activityId: number, fileId: number) {
  return db.selectFrom('research_activity_files').selectAll()
    .where('activity_id', '=', activityId).where('id', '=', fileId).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertFile(db: Q, row: Insertable<ResearchActivityFileTable>): Promise<number> {
  return (await db.insertInto('research_activity_files').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** The rubric, when it exists and is published (an activity may name only such). */
export function publishedRubric(db: Q, id: number) {
  return db.selectFrom('observation_rubrics').select(['id', 'name']).where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
}

export async function rubricName(db: Q, id: number | null): Promise<string | null> {
  if (id === null) return null;
  return (await db.selectFrom('observation_rubrics').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}
