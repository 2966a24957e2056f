import type { Kysely } from 'kysely';
import type { BindingStatus, Database } from '../../db/schema.js';

/** SQL of the binding area: its own tables only (codes, requests, failed tries). */
type Db = Kysely<Database>;

export async function codeByText(db: Db, code: string) {
  return db.selectFrom('binding_codes').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function codeById(db: Db, id: number) {
  return db.selectFrom('binding_codes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function codesOfClass(db: Db, classId: number) {
  return db.selectFrom('binding_codes').innerJoin('users', 'users.id', 'binding_codes.created_by_user_id')
    .selectAll('binding_codes').select('users.name as created_by_name')
    .where('binding_codes.class_id', '=', classId).orderBy('binding_codes.id', 'desc').execute();
}

export type CodeRow = Awaited<ReturnType<typeof codesOfClass>>[number];

export async function insertCode(db: Db, row: { classId: number; code: string; maxUses: number; expiresAt: string; byUserId: number; at: string }): Promise<number> {
  const r = await db.insertInto('binding_codes').values({
    class_id: row.classId, code: row.code, max_uses: row.maxUses, expires_at: row.expiresAt, revoked_at: null,
    created_by_user_id: row.byUserId, created_at: row.at,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function revokeCode(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('binding_codes').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Takes one use of the code, unless it is used up meanwhile: false then. */
export async function takeUse(db: Db, id: number): Promise<boolean> {
  const r = await db.updateTable('binding_codes').set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', id).whereRef('uses', '<', 'max_uses').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function failuresSince(db: Db, userId: number, since: string): Promise<number> {
  const r = await db.selectFrom('binding_failures').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('at', '>', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function recordFailure(db: Db, userId: number, at: string): Promise<void> {
  await db.insertInto('binding_failures').values({ user_id: userId, at }).execute();
}

const requestColumns = [
  'binding_requests.id', 'binding_requests.class_id', 'binding_requests.student_id', 'binding_requests.guardian_user_id',
  'binding_requests.relation', 'binding_requests.status', 'binding_requests.reason', 'binding_requests.created_at',
  'binding_requests.decided_at', 'binding_requests.decided_by_user_id',
] as const;

export async function requestById(db: Db, id: number) {
  return db.selectFrom('binding_requests').select(requestColumns).where('id', '=', id).executeTakeFirst();
}

export async function pendingOf(db: Db, guardianUserId: number, studentId: number) {
  return db.selectFrom('binding_requests').select(requestColumns)
    .where('guardian_user_id', '=', guardianUserId).where('student_id', '=', studentId).where('status', '=', 'pending').executeTakeFirst();
}

export async function requestsOfGuardian(db: Db, guardianUserId: number) {
  return db.selectFrom('binding_requests').select(requestColumns)
    .where('guardian_user_id', '=', guardianUserId).orderBy('binding_requests.id', 'desc').limit(50).execute();
}

export async function requestsOfClass(db: Db, classId: number, status?: BindingStatus) {
  let q = db.selectFrom('binding_requests')
    .innerJoin('users as g', 'g.id', 'binding_requests.guardian_user_id')
    .leftJoin('users as d', 'd.id', 'binding_requests.decided_by_user_id')
    .select(requestColumns).select(['g.name as guardian_name', 'd.name as decided_by_name'])
    .where('binding_requests.class_id', '=', classId);
  if (status) q = q.where('binding_requests.status', '=', status);
  // Pending first (what the teacher has to do), then the newest.
  return q.orderBy((eb) => eb.case().when('binding_requests.status', '=', 'pending').then(0).else(1).end())
    .orderBy('binding_requests.id', 'desc').limit(200).execute();
}

export async function pendingCounts(db: Db, classIds: readonly number[]): Promise<Map<number, number>> {
  if (!classIds.length) return new Map();
  const rows = await db.selectFrom('binding_requests').select(['class_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('class_id', 'in', [...classIds]).where('status', '=', 'pending').groupBy('class_id').execute();
  return new Map(rows.map((r) => [r.class_id, Number(r.n)]));
}

export async function insertRequest(db: Db, row: { codeId: number; classId: number; studentId: number; guardianUserId: number; relation: string; at: string }): Promise<number> {
  const r = await db.insertInto('binding_requests').values({
    code_id: row.codeId, class_id: row.classId, student_id: row.studentId, guardian_user_id: row.guardianUserId,
    relation: row.relation, status: 'pending', decided_by_user_id: null, decided_at: null, created_at: row.at,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Decides a pending request; false when it was decided meanwhile. */
export async function decide(db: Db, id: number, to: 'confirmed' | 'rejected', byUserId: number, at: string, reason: string): Promise<boolean> {
  const r = await db.updateTable('binding_requests').set({ status: to, decided_by_user_id: byUserId, decided_at: at, reason })
    .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** When each (guardian, child) of the children was last bound through a confirmed request. */
export async function boundDates(db: Db, studentIds: readonly number[]): Promise<Map<string, string>> {
  if (!studentIds.length) return new Map();
  const rows = await db.selectFrom('binding_requests').select(['guardian_user_id', 'student_id', (eb) => eb.fn.max('decided_at').as('at')])
    .where('student_id', 'in', [...studentIds]).where('status', '=', 'confirmed').groupBy(['guardian_user_id', 'student_id']).execute();
  return new Map(rows.filter((r) => r.at).map((r) => [`${r.guardian_user_id}:${r.student_id}`, String(r.at)]));
}
