import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { familyOf } from './family-fixture.js';
import { addParent, pupilsOf } from './family.test-kit.js';

/**
 * The conversations the message routes are tried on, one set per target class (own: class A of
 * gxsy.parent and gxsy.teacher; sibling: class B of the same school; foreign: a class of 莘县):
 * a direct conversation between the target child's guardian and the class's head, the class's
 * conversation, a message of the head (reported by the guardian: the hide route's report) and a
 * message of another guardian of the class (reported too: the dismiss route's report).
 */
export interface MessagesFixture {
  msgGuardian: Record<Target, number>;
  msgHead: Record<Target, number>;
  msgDirect: Record<Target, number>;
  msgClassConv: Record<Target, number>;
  msgOther: Record<Target, number>;
  msgHideReport: Record<Target, number>;
  msgDismissReport: Record<Target, number>;
}

export async function addMessagesToFixture(t: TestApp, f: MatrixFixture): Promise<MessagesFixture> {
  const db = t.db.db;
  const { familyClass, familyChild } = familyOf(f);
  const out = {} as { [K in keyof MessagesFixture]: Record<Target, number> };
  for (const key of ['msgGuardian', 'msgHead', 'msgDirect', 'msgClassConv', 'msgOther', 'msgHideReport', 'msgDismissReport'] as const) out[key] = {} as Record<Target, number>;
  const at = new Date().toISOString();
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const classId = familyClass[target];
    const studentId = familyChild[target];
    const klass = await db.selectFrom('classes').select('school_id').where('id', '=', classId).executeTakeFirstOrThrow();
    const head = await db.selectFrom('class_staff').select('user_id').where('class_id', '=', classId).where('duty', '=', 'head').executeTakeFirstOrThrow();
    let guardian = (await db.selectFrom('guardianships').select('user_id').where('student_id', '=', studentId).orderBy('user_id').executeTakeFirst())?.user_id;
    if (guardian === undefined) guardian = (await addParent(db, { username: `matrix.msg.${target}.parent`, children: [{ studentId }] })).userId;
    const classmate = (await pupilsOf(db, classId)).find((p) => p.id !== studentId)!;
    const other = (await addParent(db, { username: `matrix.msg.${target}.other`, children: [{ studentId: classmate.id }] })).userId;

    const conv = (v: { kind: 'direct' | 'class'; student: number | null; guardian: number | null; staff: number | null }) => db.insertInto('family_conversations').values({
      kind: v.kind, school_id: klass.school_id, class_id: classId, student_id: v.student, guardian_user_id: v.guardian, staff_user_id: v.staff,
      created_by: head.user_id, created_at: at, last_message_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    const message = (conversationId: number, sender: number, body: string) => db.insertInto('family_messages').values({
      conversation_id: conversationId, sender_user_id: sender, body, created_at: at, hidden_at: null, hidden_by: null, hidden_reason: null,
    }).returning('id').executeTakeFirstOrThrow();
    const report = (messageId: number) => db.insertInto('family_message_reports').values({
      message_id: messageId, school_id: klass.school_id, reporter_user_id: guardian!, reason: '矩阵举报', created_at: at, state: 'open',
      handled_by: null, handled_at: null, handled_note: null,
    }).returning('id').executeTakeFirstOrThrow();

    const direct = (await conv({ kind: 'direct', student: studentId, guardian, staff: head.user_id })).id;
    const classConv = (await conv({ kind: 'class', student: null, guardian: null, staff: null })).id;
    const headMsg = (await message(direct, head.user_id, `矩阵老师消息 ${target}`)).id;
    const otherMsg = (await message(classConv, other, `矩阵家长消息 ${target}`)).id;
    out.msgGuardian[target] = guardian;
    out.msgHead[target] = head.user_id;
    out.msgDirect[target] = direct;
    out.msgClassConv[target] = classConv;
    out.msgOther[target] = otherMsg;
    out.msgHideReport[target] = (await report(headMsg)).id;
    out.msgDismissReport[target] = (await report(otherMsg)).id;
  }
  Object.assign(f, out);
  return out;
}

export function messagesOf(f: MatrixFixture): MessagesFixture {
  const c = f as MatrixFixture & Partial<MessagesFixture>;
  if (!c.msgDirect) throw new Error('the matrix fixture has no conversations: call addMessagesToFixture(t, f) in buildMatrixFixture');
  return c as MessagesFixture;
}
