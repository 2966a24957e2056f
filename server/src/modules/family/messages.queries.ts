import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Who takes part in conversations: the family reach without a principal's school-wide part. */
export interface Participant {
  userId: number;
  /** Set when the actor is a guardian (their children's direct conversations and classes). */
  asGuardian: boolean;
  /** Set when the actor is class staff (their classes' conversations, their own direct ones). */
  asStaff: boolean;
}

const NOTHING = sql<SqlBool>`1 = 0`;

/**
 * Conversations an actor takes part in, in SQL on `family_conversations`: a guardian their own
 * direct conversations about a child still theirs and their children's classes' conversations;
 * class staff their own direct conversations and their classes' conversations while they teach
 * the class. A principal is not a participant: the school reads a message only once reported.
 */
export function participatesIn(p: Participant): Expression<SqlBool> {
  const parts: RawBuilder<unknown>[] = [];
  if (p.asGuardian) {
    parts.push(sql`(family_conversations.kind = 'direct' and family_conversations.guardian_user_id = ${p.userId}
      and family_conversations.student_id in (select student_id from guardianships where user_id = ${p.userId}))`);
    parts.push(sql`(family_conversations.kind = 'class' and family_conversations.class_id in
      (select s.class_id from students s join guardianships g on g.student_id = s.id where g.user_id = ${p.userId}))`);
  }
  if (p.asStaff) {
    parts.push(sql`(family_conversations.kind = 'direct' and family_conversations.staff_user_id = ${p.userId}
      and family_conversations.class_id in (select class_id from class_staff where user_id = ${p.userId}))`);
    parts.push(sql`(family_conversations.kind = 'class' and family_conversations.class_id in (select class_id from class_staff where user_id = ${p.userId}))`);
  }
  if (!parts.length) return NOTHING;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

function conversationQuery(db: Db) {
  return db.selectFrom('family_conversations')
    .innerJoin('classes', 'classes.id', 'family_conversations.class_id')
    .leftJoin('students', 'students.id', 'family_conversations.student_id')
    .leftJoin('users as guardian', 'guardian.id', 'family_conversations.guardian_user_id')
    .leftJoin('users as staff', 'staff.id', 'family_conversations.staff_user_id')
    .select([
      'family_conversations.id', 'family_conversations.kind', 'family_conversations.school_id', 'family_conversations.class_id',
      'family_conversations.student_id', 'family_conversations.guardian_user_id', 'family_conversations.staff_user_id',
      'family_conversations.created_at', 'family_conversations.last_message_at', 'classes.name as class_name',
      'students.name as student_name', 'students.student_no', 'guardian.name as guardian_name', 'staff.name as staff_name',
    ]);
}

export type ConversationRow = Awaited<ReturnType<ReturnType<typeof conversationQuery>['execute']>>[number];

export async function conversationsOf(db: Db, p: Participant, opts: { classId?: number; id?: number } = {}): Promise<ConversationRow[]> {
  let q = conversationQuery(db).where(participatesIn(p));
  if (opts.classId !== undefined) q = q.where('family_conversations.class_id', '=', opts.classId);
  if (opts.id !== undefined) q = q.where('family_conversations.id', '=', opts.id);
  // Latest activity first; a conversation without messages by when it was opened.
  return q.orderBy(sql`coalesce(family_conversations.last_message_at, family_conversations.created_at)`, 'desc')
    .orderBy('family_conversations.id', 'desc').execute();
}

/** Unread messages (others', after the reader's last read) per conversation. */
export async function unreadCounts(db: Db, userId: number, conversationIds: readonly number[]): Promise<Map<number, number>> {
  if (!conversationIds.length) return new Map();
  const rows = await db.selectFrom('family_messages')
    .leftJoin('family_message_reads', (j) => j.onRef('family_message_reads.conversation_id', '=', 'family_messages.conversation_id')
      .on('family_message_reads.user_id', '=', userId))
    .select(['family_messages.conversation_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('family_messages.conversation_id', 'in', [...conversationIds])
    .where('family_messages.sender_user_id', '<>', userId)
    .where(sql<SqlBool>`family_messages.id > coalesce(family_message_reads.last_read_id, 0)`)
    .groupBy('family_messages.conversation_id')
    .execute();
  return new Map(rows.map((r) => [r.conversation_id, Number(r.n)]));
}

function messageQuery(db: Db) {
  return db.selectFrom('family_messages').innerJoin('users', 'users.id', 'family_messages.sender_user_id')
    .select(['family_messages.id', 'family_messages.conversation_id', 'family_messages.sender_user_id', 'family_messages.body',
      'family_messages.created_at', 'family_messages.hidden_at', 'users.name as sender_name', 'users.kind as sender_kind']);
}

export type MessageRow = Awaited<ReturnType<ReturnType<typeof messageQuery>['execute']>>[number];

export async function lastMessages(db: Db, conversationIds: readonly number[]): Promise<Map<number, MessageRow>> {
  if (!conversationIds.length) return new Map();
  const rows = await messageQuery(db).where('family_messages.id', 'in', (eb) => eb.selectFrom('family_messages')
    .select((e) => e.fn.max('id').as('id')).where('conversation_id', 'in', [...conversationIds]).groupBy('conversation_id'))
    .execute();
  return new Map(rows.map((r) => [r.conversation_id, r]));
}

/** A page of a conversation's messages, newest first (the service turns it round). */
export async function messagesPage(db: Db, conversationId: number, opts: { before?: number; limit: number }): Promise<MessageRow[]> {
  let q = messageQuery(db).where('family_messages.conversation_id', '=', conversationId);
  if (opts.before !== undefined) q = q.where('family_messages.id', '<', opts.before);
  return q.orderBy('family_messages.id', 'desc').limit(opts.limit + 1).execute();
}

export async function messageById(db: Db, id: number): Promise<MessageRow | undefined> {
  return messageQuery(db).where('family_messages.id', '=', id).executeTakeFirst();
}

export async function insertMessage(db: Db, m: { conversationId: number; senderUserId: number; body: string; at: string }): Promise<number> {
  const row = await db.insertInto('family_messages').values({
    conversation_id: m.conversationId, sender_user_id: m.senderUserId, body: m.body, created_at: m.at, hidden_at: null, hidden_by: null, hidden_reason: null,
  }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('family_conversations').set({ last_message_at: m.at }).where('id', '=', m.conversationId).execute();
  return row.id;
}

export async function latestMessageId(db: Db, conversationId: number): Promise<number> {
  const row = await db.selectFrom('family_messages').select((e) => e.fn.max('id').as('id')).where('conversation_id', '=', conversationId).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Moves the reader's mark forward (never back, when two tabs mark at once). */
export async function markRead(db: Db, conversationId: number, userId: number, lastReadId: number): Promise<void> {
  await db.insertInto('family_message_reads').values({ conversation_id: conversationId, user_id: userId, last_read_id: lastReadId })
    .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doUpdateSet({ last_read_id: lastReadId })
      .where('family_message_reads.last_read_id', '<', lastReadId))
    .execute();
}

export async function findDirect(db: Db, studentId: number, guardianUserId: number, staffUserId: number): Promise<number | undefined> {
  const row = await db.selectFrom('family_conversations').select('id').where('kind', '=', 'direct').where('student_id', '=', studentId)
    .where('guardian_user_id', '=', guardianUserId).where('staff_user_id', '=', staffUserId).executeTakeFirst();
  return row?.id;
}

export async function findClassConversation(db: Db, classId: number): Promise<number | undefined> {
  const row = await db.selectFrom('family_conversations').select('id').where('kind', '=', 'class').where('class_id', '=', classId)
    .orderBy('id').executeTakeFirst();
  return row?.id;
}

export async function classConversationIds(db: Db, classIds: readonly number[]): Promise<Map<number, number>> {
  if (!classIds.length) return new Map();
  const rows = await db.selectFrom('family_conversations').select(['id', 'class_id']).where('kind', '=', 'class').where('class_id', 'in', [...classIds]).execute();
  return new Map(rows.map((r) => [r.class_id, r.id]));
}

export async function insertConversation(db: Db, c: {
  kind: 'direct' | 'class'; schoolId: number; classId: number; studentId: number | null; guardianUserId: number | null; staffUserId: number | null; by: number; at: string;
}): Promise<number> {
  const row = await db.insertInto('family_conversations').values({
    kind: c.kind, school_id: c.schoolId, class_id: c.classId, student_id: c.studentId, guardian_user_id: c.guardianUserId,
    staff_user_id: c.staffUserId, created_by: c.by, created_at: c.at, last_message_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Names of accounts (senders, guardians) by id. */
export async function namesOf(db: Db, userIds: readonly number[]): Promise<Map<number, string>> {
  if (!userIds.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...userIds]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// Reports

export async function findReport(db: Db, messageId: number, reporter: number) {
  return db.selectFrom('family_message_reports').select(['id', 'state']).where('message_id', '=', messageId).where('reporter_user_id', '=', reporter).executeTakeFirst();
}

export async function insertReport(db: Db, r: { messageId: number; schoolId: number; reporter: number; reason: string; at: string }): Promise<number> {
  const row = await db.insertInto('family_message_reports').values({
    message_id: r.messageId, school_id: r.schoolId, reporter_user_id: r.reporter, reason: r.reason, created_at: r.at, state: 'open',
    handled_by: null, handled_at: null, handled_note: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function reportQuery(db: Db) {
  return db.selectFrom('family_message_reports')
    .innerJoin('family_messages', 'family_messages.id', 'family_message_reports.message_id')
    .innerJoin('family_conversations', 'family_conversations.id', 'family_messages.conversation_id')
    .innerJoin('classes', 'classes.id', 'family_conversations.class_id')
    .leftJoin('students', 'students.id', 'family_conversations.student_id')
    .innerJoin('users as reporter', 'reporter.id', 'family_message_reports.reporter_user_id')
    .innerJoin('users as sender', 'sender.id', 'family_messages.sender_user_id')
    .select([
      'family_message_reports.id', 'family_message_reports.message_id', 'family_message_reports.reason', 'family_message_reports.state',
      'family_message_reports.created_at', 'family_message_reports.handled_at', 'family_message_reports.handled_note', 'family_message_reports.school_id',
      'family_messages.conversation_id', 'family_messages.body', 'family_messages.hidden_at', 'family_messages.sender_user_id',
      'classes.name as class_name', 'students.id as student_id', 'students.name as student_name', 'students.student_no',
      'reporter.id as reporter_id', 'reporter.name as reporter_name', 'sender.name as sender_name',
    ]);
}

export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['execute']>>[number];

export async function reportsOfSchools(db: Db, schoolIds: readonly number[], state: 'open' | 'handled' | 'all'): Promise<ReportRow[]> {
  if (!schoolIds.length) return [];
  let q = reportQuery(db).where('family_message_reports.school_id', 'in', [...schoolIds]);
  if (state === 'open') q = q.where('family_message_reports.state', '=', 'open');
  if (state === 'handled') q = q.where('family_message_reports.state', '<>', 'open');
  return q.orderBy('family_message_reports.id', 'desc').limit(500).execute();
}

export async function reportInSchools(db: Db, id: number, schoolIds: readonly number[]): Promise<ReportRow | undefined> {
  if (!schoolIds.length) return undefined;
  return reportQuery(db).where('family_message_reports.id', '=', id).where('family_message_reports.school_id', 'in', [...schoolIds]).executeTakeFirst();
}

// Working hours

export async function workingHoursOf(db: Db, userIds: readonly number[]): Promise<Map<number, { ranges: string; updated_at: string }>> {
  if (!userIds.length) return new Map();
  const rows = await db.selectFrom('family_working_hours').select(['user_id', 'ranges', 'updated_at']).where('user_id', 'in', [...userIds]).execute();
  return new Map(rows.map((r) => [r.user_id, r]));
}

export async function saveWorkingHours(db: Db, userId: number, ranges: string, at: string): Promise<void> {
  await db.insertInto('family_working_hours').values({ user_id: userId, ranges, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ranges, updated_at: at })).execute();
}
