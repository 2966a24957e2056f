import type { Static } from 'typebox';
import { type Actor, familyReachOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { FamilyChild, FamilyChildren } from '../students/family-children.js';
import { atWork, emptyRange, parseRanges, sortRanges, type WorkingRange } from './messages.hours.js';
import * as q from './messages.queries.js';
import type {
  ContactsSchema, ConversationDetailSchema, ConversationListSchema, ConversationSchema, MessagePageSchema, MessageSchema,
  ReportListSchema, ReportSchema, UnreadCountSchema, WorkingHoursSchema,
} from './messages.schema.js';

type Conversation = Static<typeof ConversationSchema>;
type Message = Static<typeof MessageSchema>;
type Report = Static<typeof ReportSchema>;

/** What readers see in place of a message the school hid (the original stays in the table and the audit). */
export const HIDDEN_TEXT = '该消息已被学校隐藏';

const toMessage = (r: q.MessageRow, me: number): Message => ({
  id: r.id, conversationId: r.conversation_id,
  sender: { userId: r.sender_user_id, name: r.sender_name, side: r.sender_kind === 'guardian' ? 'guardian' : 'staff' },
  mine: r.sender_user_id === me, body: r.hidden_at ? HIDDEN_TEXT : r.body, hidden: r.hidden_at !== null, createdAt: r.created_at,
});

/**
 * Teacher–parent messages (家校沟通). A direct conversation joins one guardian and one of the
 * child's class staff about that child; a class conversation joins a class's staff and all its
 * guardians (opened by class staff). Only participants read and write — a principal is not one:
 * the school sees a message only when someone reports it, and may then hide it for a reason
 * (readers see a placeholder, the original stays, the hide is audited). Messages are never deleted.
 * A parent of class A meets every class-B conversation, message and report as 404, and lists and
 * counts are filtered in SQL (participatesIn), never after loading.
 */
export function createMessagesService(deps: {
  db: Db; clock: Clock; audit: AuditService; notifications: NotificationsService; children: FamilyChildren;
}) {
  const db = deps.db.db;
  const { children } = deps;
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });
  const now = () => deps.clock.now();

  function participant(actor: Actor): q.Participant {
    const reach = familyReachOf(actor, 'family:read');
    if (!reach) throw forbidden();
    return { userId: actor.userId, asGuardian: reach.guardianUserId !== null, asStaff: reach.classStaffUserId !== null };
  }

  async function views(actor: Actor, rows: q.ConversationRow[]): Promise<Conversation[]> {
    const ids = rows.map((r) => r.id);
    const [unread, last] = await Promise.all([q.unreadCounts(db, actor.userId, ids), q.lastMessages(db, ids)]);
    return rows.map((r) => {
      const m = last.get(r.id);
      const child = r.student_id !== null && r.student_name !== null
        ? { id: r.student_id, name: r.student_name, studentNo: r.student_no ?? '', label: `${r.class_name} ${r.student_name}` }
        : null;
      return {
        id: r.id, kind: r.kind, label: child?.label ?? r.class_name, schoolId: r.school_id, classId: r.class_id, className: r.class_name, child,
        guardian: r.guardian_user_id !== null ? { userId: r.guardian_user_id, name: r.guardian_name ?? '' } : null,
        staff: r.staff_user_id !== null ? { userId: r.staff_user_id, name: r.staff_name ?? '' } : null,
        unread: unread.get(r.id) ?? 0,
        lastMessage: m ? { body: m.hidden_at ? HIDDEN_TEXT : m.body.slice(0, 80), hidden: m.hidden_at !== null, at: m.created_at, senderName: m.sender_name } : null,
        createdAt: r.created_at,
      };
    });
  }

  /** The conversation when the actor takes part in it; 404 otherwise (missing and out of reach alike). */
  async function conversationRow(actor: Actor, id: number): Promise<q.ConversationRow> {
    const [row] = await q.conversationsOf(db, participant(actor), { id });
    if (!row) throw notFound('会话');
    return row;
  }

  /** The actor's conversations, latest activity first, with unread counts. */
  async function list(actor: Actor, opts: { classId?: number }): Promise<Static<typeof ConversationListSchema>> {
    const items = await views(actor, await q.conversationsOf(db, participant(actor), opts));
    return { items, unreadTotal: items.reduce((n, c) => n + c.unread, 0) };
  }

  async function unreadCount(actor: Actor): Promise<Static<typeof UnreadCountSchema>> {
    const rows = await q.conversationsOf(db, participant(actor));
    const unread = await q.unreadCounts(db, actor.userId, rows.map((r) => r.id));
    let total = 0;
    for (const n of unread.values()) total += n;
    return { unreadTotal: total, conversations: [...unread.values()].filter((n) => n > 0).length };
  }

  /** Working hours of the given staff, and whether each is at work now. */
  async function teachersOf(staff: { userId: number; name: string; duty: 'head' | 'subject' | null; subject: string }[]) {
    const hours = await q.workingHoursOf(db, staff.map((s) => s.userId));
    const at = now();
    return staff.map((s) => {
      const ranges = sortRanges(parseRanges(hours.get(s.userId)?.ranges));
      return { ...s, hours: ranges, atWork: ranges.length ? atWork(ranges, at) : null };
    });
  }

  /** A conversation's header: its label, and the teachers' working hours with the off-hours note's flag. */
  async function get(actor: Actor, id: number): Promise<Static<typeof ConversationDetailSchema>> {
    const row = await conversationRow(actor, id);
    const [conversation] = await views(actor, [row]);
    const classStaff = await children.staffOf(row.class_id);
    const staff = row.kind === 'direct'
      ? [classStaff.find((s) => s.userId === row.staff_user_id) ?? { userId: row.staff_user_id!, name: row.staff_name ?? '', duty: null, subject: '' }]
      : classStaff;
    const teachers = await teachersOf(staff);
    const offHours = teachers.some((t) => t.atWork !== null) && !teachers.some((t) => t.atWork === true);
    const side = row.guardian_user_id === actor.userId || (row.kind === 'class' && !classStaff.some((s) => s.userId === actor.userId)) ? 'guardian' : 'staff';
    return { conversation: conversation!, teachers, offHours, side };
  }

  /** A page of messages, oldest first within the page (newest last); `before` pages back. */
  async function messages(actor: Actor, id: number, opts: { before?: number; limit: number }): Promise<Static<typeof MessagePageSchema>> {
    await conversationRow(actor, id);
    const rows = await q.messagesPage(db, id, opts);
    const hasMore = rows.length > opts.limit;
    return { items: rows.slice(0, opts.limit).reverse().map((r) => toMessage(r, actor.userId)), hasMore };
  }

  /** Posts a message (outside the teacher's hours too: the header says when it will be read). */
  async function post(actor: Actor, id: number, body: string, ip: string): Promise<Message> {
    await conversationRow(actor, id);
    const text = body.trim();
    if (!text) throw badRequest('MESSAGE_EMPTY', '消息内容不能为空：请输入文字后再发送', { field: '/body' });
    const at = now().toISOString();
    const messageId = await db.transaction().execute(async (trx) => {
      const mid = await q.insertMessage(trx, { conversationId: id, senderUserId: actor.userId, body: text, at });
      await q.markRead(trx, id, actor.userId, mid);
      return mid;
    });
    // The text is not copied into the audit: it stays in the conversation, never deleted.
    await deps.audit.record({ actor: who(actor), action: 'message.post', targetType: 'family_conversation', targetId: id, result: 'success', ip, detail: { messageId } });
    return toMessage((await q.messageById(db, messageId))!, actor.userId);
  }

  /** Marks the conversation read up to its latest message. */
  async function markRead(actor: Actor, id: number) {
    await conversationRow(actor, id);
    const lastReadId = await q.latestMessageId(db, id);
    if (lastReadId > 0) await q.markRead(db, id, actor.userId, lastReadId);
    return { conversationId: id, lastReadId, unread: 0 };
  }

  async function guardianChild(actor: Actor, studentId: number): Promise<FamilyChild | null> {
    if (!participant(actor).asGuardian) return null;
    try {
      return await children.child(actor, 'family:write', studentId);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    }
  }

  /** The child when the actor is class staff of its class (a principal's school-wide reach does not count). */
  async function staffChild(actor: Actor, studentId: number): Promise<FamilyChild> {
    if (!participant(actor).asStaff) throw notFound('孩子');
    const child = await children.child(actor, 'class:write', studentId);
    if (!(await children.staffOf(child.classId)).some((s) => s.userId === actor.userId)) throw notFound('孩子');
    return child;
  }

  /**
   * Opens (or finds) a direct conversation about a child: a guardian with one of the child's class
   * staff, or class staff with one of the child's guardians. Anyone else: 404.
   */
  async function startDirect(actor: Actor, body: { studentId: number; withUserId: number }, ip: string) {
    let child = await guardianChild(actor, body.studentId);
    let guardianUserId: number;
    let staffUserId: number;
    if (child) {
      if (!(await children.staffOf(child.classId)).some((s) => s.userId === body.withUserId)) throw notFound('老师');
      [guardianUserId, staffUserId] = [actor.userId, body.withUserId];
    } else {
      child = await staffChild(actor, body.studentId);
      if (!(await children.guardiansOf([child.id])).some((g) => g.userId === body.withUserId)) throw notFound('家长');
      [guardianUserId, staffUserId] = [body.withUserId, actor.userId];
    }
    const found = await q.findDirect(db, child.id, guardianUserId, staffUserId);
    if (found) return { id: found, created: false };
    const id = await q.insertConversation(db, {
      kind: 'direct', schoolId: child.schoolId, classId: child.classId, studentId: child.id, guardianUserId, staffUserId, by: actor.userId, at: now().toISOString(),
    });
    await deps.audit.record({ actor: who(actor), action: 'message.conversation_open', targetType: 'family_conversation', targetId: id, result: 'success', ip, detail: { kind: 'direct', studentId: child.id, classId: child.classId } });
    return { id, created: true };
  }

  /** Opens (or finds) the class conversation of a class: its class staff only. */
  async function startClass(actor: Actor, classId: number, ip: string) {
    if (!participant(actor).asStaff) throw notFound('班级');
    const klass = await children.klass(actor, 'class:write', classId);
    if (!(await children.staffOf(classId)).some((s) => s.userId === actor.userId)) throw notFound('班级');
    const found = await q.findClassConversation(db, classId);
    if (found) return { id: found, created: false };
    const id = await q.insertConversation(db, {
      kind: 'class', schoolId: klass.schoolId, classId, studentId: null, guardianUserId: null, staffUserId: null, by: actor.userId, at: now().toISOString(),
    });
    await deps.audit.record({ actor: who(actor), action: 'message.conversation_open', targetType: 'family_conversation', targetId: id, result: 'success', ip, detail: { kind: 'class', classId } });
    return { id, created: true };
  }

  /** Whom the actor may write to: a guardian their children's class staff; class staff their classes' guardians. */
  async function contacts(actor: Actor): Promise<Static<typeof ContactsSchema>> {
    const p = participant(actor);
    const items: Static<typeof ContactsSchema>['items'] = [];
    const classes: Static<typeof ContactsSchema>['classes'] = [];
    const childView = (c: FamilyChild) => ({ id: c.id, name: c.name, studentNo: c.studentNo, label: c.label, classId: c.classId, className: c.className });
    if (p.asGuardian) {
      for (const c of await children.children({ ...actor, grants: actor.grants.filter((g) => g.role === 'parent') }, 'family:write')) {
        const staff = await children.staffOf(c.classId);
        items.push({ child: childView(c), people: staff.map((s) => ({ userId: s.userId, name: s.name, note: s.duty === 'head' ? '班主任' : s.subject })) });
      }
    }
    if (p.asStaff) {
      const staffActor = { ...actor, grants: actor.grants.filter((g) => g.role === 'teacher') };
      const mine = await children.classes(staffActor, 'class:write');
      const conv = await q.classConversationIds(db, mine.map((k) => k.id));
      for (const k of mine) classes.push({ id: k.id, name: k.name, conversationId: conv.get(k.id) ?? null });
      const pupils = await children.children(staffActor, 'class:write');
      const guardians = await children.guardiansOf(pupils.map((c) => c.id));
      const names = await q.namesOf(db, [...new Set(guardians.map((g) => g.userId))]);
      for (const c of pupils) {
        const people = guardians.filter((g) => g.studentId === c.id).map((g) => ({ userId: g.userId, name: names.get(g.userId) ?? '', note: g.relation }));
        items.push({ child: childView(c), people });
      }
    }
    return { items, classes };
  }

  /**
   * A participant reports a message (not their own) with a reason; the school's principals are
   * notified and find it in their list of reports. Reporting the same message again changes nothing.
   */
  async function report(actor: Actor, messageId: number, reason: string, ip: string) {
    const m = await q.messageById(db, messageId);
    if (!m) throw notFound('消息');
    const conv = await conversationRow(actor, m.conversation_id).catch(() => { throw notFound('消息'); });
    if (m.sender_user_id === actor.userId) throw badRequest('OWN_MESSAGE', '不能举报自己发送的消息', { field: 'messageId' });
    const text = reason.trim();
    if (!text) throw badRequest('REASON_EMPTY', '请填写举报理由', { field: '/reason' });
    const found = await q.findReport(db, messageId, actor.userId);
    if (found) return { id: found.id, messageId, state: found.state, created: false };
    const id = await q.insertReport(db, { messageId, schoolId: conv.school_id, reporter: actor.userId, reason: text, at: now().toISOString() });
    await deps.audit.record({ actor: who(actor), action: 'message.report', targetType: 'family_message', targetId: messageId, result: 'success', ip, detail: { reportId: id, reason: text, conversationId: conv.id } });
    const label = conv.student_name ? `${conv.class_name} ${conv.student_name}` : conv.class_name;
    await deps.notifications.notifyPrincipals(conv.school_id, {
      kind: 'message_reported', title: `家校消息被举报：${label}`, body: `举报理由：${text}`, link: '/messages/reports',
    });
    return { id, messageId, state: 'open', created: true };
  }

  function principalSchools(actor: Actor): number[] {
    const schools = familyReachOf(actor, 'class:write')?.schoolIds ?? [];
    if (!schools.length) throw forbidden();
    return schools;
  }

  const toReport = (r: q.ReportRow): Report => ({
    id: r.id, messageId: r.message_id, conversationId: r.conversation_id,
    label: r.student_name ? `${r.class_name} ${r.student_name}` : r.class_name, className: r.class_name,
    child: r.student_id !== null ? { id: r.student_id, studentNo: r.student_no ?? '' } : null,
    reason: r.reason, reporter: { userId: r.reporter_id, name: r.reporter_name }, sender: { userId: r.sender_user_id, name: r.sender_name },
    body: r.body, messageHidden: r.hidden_at !== null, state: r.state, createdAt: r.created_at, handledAt: r.handled_at, handledNote: r.handled_note,
  });

  /** The principal's reports of their school's messages (the reported message only, audited). */
  async function reports(actor: Actor, state: 'open' | 'handled' | 'all', ip: string): Promise<Static<typeof ReportListSchema>> {
    const rows = await q.reportsOfSchools(db, principalSchools(actor), state);
    await deps.audit.record({ actor: who(actor), action: 'message.reports_read', targetType: 'family_message_report', result: 'success', ip, detail: { rows: rows.length, state } });
    return { items: rows.map(toReport) };
  }

  /** Hides a reported message for a reason: both sides see the placeholder; the original stays and goes into the audit. */
  async function hide(actor: Actor, reportId: number, reason: string, ip: string): Promise<Report> {
    const r = await q.reportInSchools(db, reportId, principalSchools(actor));
    if (!r) throw notFound('举报');
    const text = reason.trim();
    if (!text) throw badRequest('REASON_EMPTY', '请填写隐藏理由（将记入审计日志）', { field: '/reason' });
    const at = now().toISOString();
    const wasHidden = r.hidden_at !== null;
    await db.transaction().execute(async (trx) => {
      if (!wasHidden) {
        await trx.updateTable('family_messages').set({ hidden_at: at, hidden_by: actor.userId, hidden_reason: text })
          .where('id', '=', r.message_id).where('hidden_at', 'is', null).execute();
      }
      // Every open report of the message is settled by the hide.
      await trx.updateTable('family_message_reports').set({ state: 'hidden', handled_by: actor.userId, handled_at: at, handled_note: text })
        .where('message_id', '=', r.message_id).where('state', '=', 'open').execute();
    });
    if (!wasHidden) {
      await deps.audit.record({
        actor: who(actor), action: 'message.hide', targetType: 'family_message', targetId: r.message_id, result: 'success', ip,
        detail: { reason: text, reportId, conversationId: r.conversation_id, senderUserId: r.sender_user_id, original: r.body },
      });
    }
    return toReport((await q.reportInSchools(db, reportId, principalSchools(actor)))!);
  }

  /** Closes a report without hiding the message. */
  async function dismiss(actor: Actor, reportId: number, note: string | undefined, ip: string): Promise<Report> {
    const r = await q.reportInSchools(db, reportId, principalSchools(actor));
    if (!r) throw notFound('举报');
    if (r.state !== 'open') throw conflict('REPORT_HANDLED', '该举报已处理，无需再次处理');
    await db.updateTable('family_message_reports').set({ state: 'dismissed', handled_by: actor.userId, handled_at: now().toISOString(), handled_note: note?.trim() || null })
      .where('id', '=', reportId).execute();
    await deps.audit.record({ actor: who(actor), action: 'message.report_dismiss', targetType: 'family_message_report', targetId: reportId, result: 'success', ip, detail: { messageId: r.message_id, note: note ?? null } });
    return toReport((await q.reportInSchools(db, reportId, principalSchools(actor)))!);
  }

  async function myHours(actor: Actor): Promise<Static<typeof WorkingHoursSchema>> {
    const row = (await q.workingHoursOf(db, [actor.userId])).get(actor.userId);
    return { ranges: sortRanges(parseRanges(row?.ranges)), updatedAt: row?.updated_at ?? null };
  }

  /** A teacher's working hours (replaced whole); an empty list clears them. */
  async function setHours(actor: Actor, ranges: WorkingRange[], ip: string): Promise<Static<typeof WorkingHoursSchema>> {
    const bad = emptyRange(ranges);
    if (bad !== null) throw badRequest('HOURS_EMPTY_RANGE', `第 ${bad + 1} 段工作时间的结束时间须晚于开始时间`, { field: `/ranges/${bad}/end` });
    const sorted = sortRanges(ranges);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      if (a.weekday === b.weekday && b.start < a.end) throw badRequest('HOURS_OVERLAP', '同一天的工作时间段有重叠：请合并或调整后再保存', { field: '/ranges' });
    }
    const at = now().toISOString();
    await q.saveWorkingHours(db, actor.userId, JSON.stringify(sorted), at);
    await deps.audit.record({ actor: who(actor), action: 'message.working_hours', targetType: 'user', targetId: actor.userId, result: 'success', ip, detail: { ranges: sorted.length } });
    return { ranges: sorted, updatedAt: at };
  }

  return { list, unreadCount, get, messages, post, markRead, startDirect, startClass, contacts, report, reports, hide, dismiss, myHours, setHours };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
