import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { FamilyReach, Scope } from '../../access/actor.js';
import { childInFamilyReach, classInFamilyReach, schoolInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/**
 * SQL of family notices. The fan-out reads guardianships and students set-based (one INSERT …
 * SELECT for the whole audience) rather than through familyChildren's lists: a county's notice
 * reaches tens of thousands of families, which a list of ids would carry through the server twice.
 */

/** Where a sender reaches: class staff's classes, a principal's school (family reach), a bureau's schools (scope). */
export interface SenderReach {
  family: FamilyReach | null;
  bureau: Scope | null;
}

export function classInSenderReach(reach: SenderReach, classIdCol = 'classes.id'): Expression<SqlBool> {
  const parts = [classInFamilyReach(reach.family, classIdCol)];
  if (reach.bureau) parts.push(sql<SqlBool>`${sql.ref(classIdCol)} in (select classes.id from classes join schools on schools.id = classes.school_id where ${schoolInScope(reach.bureau)})`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

export function schoolInSenderReach(reach: SenderReach, schoolIdCol = 'schools.id'): Expression<SqlBool> {
  const parts = [sql<SqlBool>`1 = 0`];
  if (reach.family?.schoolIds.length) parts.push(sql<SqlBool>`${sql.ref(schoolIdCol)} in (${sql.join(reach.family.schoolIds)})`);
  if (reach.bureau) parts.push(sql<SqlBool>`${sql.ref(schoolIdCol)} in (select schools.id from schools where ${schoolInScope(reach.bureau)})`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Classes (id, school) of an audience that lie in the sender's reach; the caller compares with what was asked. */
export async function audienceClasses(db: Q, kind: 'classes' | 'grades' | 'schools' | 'counties', ids: readonly number[], reach: SenderReach) {
  let q = db.selectFrom('classes').innerJoin('schools', 'schools.id', 'classes.school_id')
    .innerJoin('grades', 'grades.id', 'classes.grade_id')
    .select(['classes.id', 'classes.school_id', 'classes.grade_id', 'schools.county_id']);
  if (kind === 'classes') q = q.where('classes.id', 'in', [...ids]).where(classInSenderReach(reach));
  else if (kind === 'grades') q = q.where('classes.grade_id', 'in', [...ids]).where(schoolInSenderReach(reach));
  else if (kind === 'schools') q = q.where('classes.school_id', 'in', [...ids]).where(schoolInSenderReach(reach));
  else q = q.where('schools.county_id', 'in', [...ids]).where(schoolInSenderReach(reach));
  return q.orderBy('classes.id').execute();
}

/** Which of the asked grades, schools or counties the sender reaches (a grade or school without classes still counts). */
export async function reachedNodes(db: Q, kind: 'grades' | 'schools' | 'counties', ids: readonly number[], reach: SenderReach): Promise<{ id: number; name: string }[]> {
  if (kind === 'grades') {
    return db.selectFrom('grades').innerJoin('schools', 'schools.id', 'grades.school_id')
      .select(['grades.id', sql<string>`schools.name || ' ' || grades.name`.as('name')])
      .where('grades.id', 'in', [...ids]).where(schoolInSenderReach(reach)).execute();
  }
  if (kind === 'schools') {
    return db.selectFrom('schools').select(['schools.id', 'schools.name']).where('schools.id', 'in', [...ids]).where(schoolInSenderReach(reach)).execute();
  }
  // A county: the sender reaches it only when reaching it whole (a bureau of that county or its city).
  if (!reach.bureau) return [];
  const b = reach.bureau;
  return db.selectFrom('regions').select(['regions.id', 'regions.name']).where('regions.id', 'in', [...ids])
    .where((eb) => eb.or([
      ...(b.all ? [eb.lit(true)] : []),
      ...(b.countyIds.length ? [eb('regions.id', 'in', b.countyIds)] : []),
      ...(b.cityIds.length ? [eb('regions.parent_id', 'in', b.cityIds)] : []),
    ]))
    .where('regions.id', 'in', db.selectFrom('schools').select('county_id'))
    .execute();
}

export async function classNames(db: Q, ids: readonly number[]) {
  if (!ids.length) return [];
  return db.selectFrom('classes').innerJoin('schools', 'schools.id', 'classes.school_id')
    .select(['classes.id', 'classes.name', 'classes.school_id', 'schools.name as school_name']).where('classes.id', 'in', [...ids]).execute();
}

/**
 * One delivery per guardian of the notice's classes (a parent of two children in the audience
 * gets one, listing both), then, when asked, one per staff member of the given schools who is not
 * already reached. Two set-based statements; returns the deliveries made.
 */
export async function fanOut(db: Q, noticeId: number, staffSchoolIds: readonly number[] | null): Promise<{ families: number; staff: number }> {
  await sql`insert into notice_delivery_children (notice_id, user_id, student_id, class_id, label, relation)
    select nc.notice_id, g.user_id, s.id, s.class_id, c.name || ' ' || s.name, g.relation
    from notice_classes nc
    join students s on s.class_id = nc.class_id
    join classes c on c.id = s.class_id
    join guardianships g on g.student_id = s.id
    join users u on u.id = g.user_id
    where nc.notice_id = ${noticeId} and u.disabled = 0`.execute(db);
  const families = await sql`insert into notice_deliveries (notice_id, user_id, staff)
    select distinct notice_id, user_id, 0 from notice_delivery_children where notice_id = ${noticeId}`.execute(db);
  let staff = 0n;
  if (staffSchoolIds?.length) {
    const r = await sql`insert into notice_deliveries (notice_id, user_id, staff)
      select distinct cast(${noticeId} as integer), ra.user_id, 1
      from role_assignments ra join users u on u.id = ra.user_id
      where ra.school_id in (${sql.join([...staffSchoolIds])}) and u.disabled = 0 and u.kind = 'staff'
        and ra.user_id not in (select user_id from notice_deliveries where notice_id = ${noticeId})`.execute(db);
    staff = r.numAffectedRows ?? 0n;
  }
  return { families: Number(families.numAffectedRows ?? 0n), staff: Number(staff) };
}

export function deliveredUserIds(db: Q, noticeId: number, only?: 'unread' | 'unconfirmed') {
  let q = db.selectFrom('notice_deliveries').select('user_id').where('notice_id', '=', noticeId);
  if (only === 'unread') q = q.where('read_at', 'is', null);
  if (only === 'unconfirmed') q = q.where('confirmed_at', 'is', null);
  return q.execute().then((rows) => rows.map((r) => r.user_id));
}

/** Notices whose push waits for the end of quiet hours and is due by `now`. */
export function heldNoticesDue(db: Q, now: string) {
  return db.selectFrom('notices').select(['id', 'title', 'body', 'urgent', 'emergency']).where('pushed_at', 'is', null).where('push_due_at', '<=', now).orderBy('id').execute();
}

export function findSent(db: Q, senderUserId: number, id: number) {
  return db.selectFrom('notices').selectAll().where('id', '=', id).where('sender_user_id', '=', senderUserId).executeTakeFirst();
}

export async function totals(db: Q, noticeId: number) {
  const r = await db.selectFrom('notice_deliveries').where('notice_id', '=', noticeId)
    .select((eb) => [
      eb.fn.countAll<number>().as('recipients'),
      eb.fn.count<number>('read_at').as('read'),
      eb.fn.count<number>('confirmed_at').as('confirmed'),
      eb.fn.sum<number>('staff').as('staff'),
      sql<number>`sum(case when staff = 1 and read_at is not null then 1 else 0 end)`.as('staff_read'),
      sql<number>`sum(case when staff = 1 and confirmed_at is not null then 1 else 0 end)`.as('staff_confirmed'),
    ]).executeTakeFirstOrThrow();
  return {
    recipients: Number(r.recipients), read: Number(r.read), confirmed: Number(r.confirmed),
    staff: { recipients: Number(r.staff ?? 0), read: Number(r.staff_read ?? 0), confirmed: Number(r.staff_confirmed ?? 0) },
  };
}

/** Families per class of a notice: recipients, read, confirmed (a guardian counts once in each class of theirs). */
export async function classCounts(db: Q, noticeId: number) {
  const rows = await db.selectFrom('notice_delivery_children as c')
    .innerJoin('notice_deliveries as d', (j) => j.onRef('d.notice_id', '=', 'c.notice_id').onRef('d.user_id', '=', 'c.user_id'))
    .select((eb) => [
      'c.class_id',
      eb.fn.count<number>('c.user_id').distinct().as('recipients'),
      sql<number>`count(distinct case when d.read_at is not null then d.user_id end)`.as('read'),
      sql<number>`count(distinct case when d.confirmed_at is not null then d.user_id end)`.as('confirmed'),
    ])
    .where('c.notice_id', '=', noticeId).groupBy('c.class_id').orderBy('c.class_id').execute();
  return rows.map((r) => ({ classId: r.class_id, recipients: Number(r.recipients), read: Number(r.read), confirmed: Number(r.confirmed) }));
}

/** The guardians of a notice by class, with their children's labels (names: class staff and principals only). */
export function receiptRows(db: Q, noticeId: number, classId?: number) {
  let q = db.selectFrom('notice_delivery_children as c')
    .innerJoin('notice_deliveries as d', (j) => j.onRef('d.notice_id', '=', 'c.notice_id').onRef('d.user_id', '=', 'c.user_id'))
    .select(['c.class_id', 'c.user_id', 'c.label', 'c.relation', 'd.read_at', 'd.confirmed_at'])
    .where('c.notice_id', '=', noticeId);
  if (classId !== undefined) q = q.where('c.class_id', '=', classId);
  return q.orderBy('c.class_id').orderBy('c.label').orderBy('c.user_id').execute();
}

/**
 * A person's deliveries still standing: staff deliveries, and a guardian's only while they are
 * still bound to a child that put them in the audience (an unbound guardian stops seeing them).
 */
export function myDeliveries(db: Q, userId: number) {
  const mine: FamilyReach = { guardianUserId: userId, classStaffUserId: null, schoolIds: [] };
  return db.selectFrom('notice_deliveries as d').innerJoin('notices as n', 'n.id', 'd.notice_id')
    .where('d.user_id', '=', userId)
    .where((eb) => eb.or([
      eb('d.staff', '=', 1),
      eb.exists(eb.selectFrom('notice_delivery_children as c').select('c.student_id')
        .whereRef('c.notice_id', '=', 'd.notice_id').whereRef('c.user_id', '=', 'd.user_id')
        .where(childInFamilyReach(mine, 'c.student_id', 'c.class_id'))),
    ]));
}

/** The children (labels) through which a guardian holds these notices, still bound. */
export function myLabels(db: Q, userId: number, noticeIds: readonly number[]) {
  if (!noticeIds.length) return Promise.resolve([]);
  const mine: FamilyReach = { guardianUserId: userId, classStaffUserId: null, schoolIds: [] };
  return db.selectFrom('notice_delivery_children as c').select(['c.notice_id', 'c.student_id', 'c.label'])
    .where('c.user_id', '=', userId).where('c.notice_id', 'in', [...noticeIds])
    .where(childInFamilyReach(mine, 'c.student_id', 'c.class_id'))
    .orderBy('c.label').execute();
}
