import { Readable } from 'node:stream';
import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { familyOf } from './family-fixture.js';
import { fanOut } from './notices.queries.js';

export const NOTICE_MATRIX_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A notice to each target class (own: class A, sent by its 班主任 gxsy.teacher; sibling: class B,
 * sent by gxsy.principal; foreign: a 莘县 class, sent by its own class staff), must-confirm and
 * urgent (so reminders are allowed whatever the hour the matrix runs), with one attachment each.
 * The title carries the target child's marker, so lists show whose notices they hold.
 */
export interface NoticesFixture {
  notice: Record<Target, number>;
  noticeAttachment: Record<Target, number>;
}

export async function addNoticesToFixture(t: TestApp, f: MatrixFixture): Promise<NoticesFixture> {
  const db = t.db.db;
  const { familyClass } = familyOf(f);
  const userOf = async (username: string) => (await db.selectFrom('users').select(['id', 'name']).where('username', '=', username).executeTakeFirstOrThrow());
  const senders: Record<Target, { id: number; name: string }> = {
    own: await userOf('gxsy.teacher'),
    sibling: await userOf('gxsy.principal'),
    foreign: await db.selectFrom('class_staff').innerJoin('users', 'users.id', 'class_staff.user_id').select(['users.id', 'users.name'])
      .where('class_staff.class_id', '=', familyClass.foreign).orderBy('users.id').executeTakeFirstOrThrow(),
  };
  const notice = {} as Record<Target, number>;
  const noticeAttachment = {} as Record<Target, number>;
  const now = new Date().toISOString();
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const row = await db.insertInto('notices').values({
      sender_user_id: senders[target].id, sender_name: senders[target].name, title: `矩阵通知 ${f.marker.student[target]}`, body: '矩阵',
      must_confirm: 1, urgent: 1, emergency: 0, include_staff: 0, audience_kind: 'classes', audience_ids: JSON.stringify([familyClass[target]]),
      audience_label: '矩阵班级', recipients: 0, created_at: now, push_due_at: now, pushed_at: now, reminded_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('notice_classes').values({ notice_id: row.id, class_id: familyClass[target] }).execute();
    await fanOut(db, row.id, null);
    const key = `family/notices/matrix${target}.png`;
    await t.storage.putStream(key, Readable.from([NOTICE_MATRIX_PNG]), 'image/png');
    const a = await db.insertInto('notice_attachments').values({
      notice_id: row.id, uploaded_by_user_id: senders[target].id, name: '矩阵.png', content_type: 'image/png', size_bytes: NOTICE_MATRIX_PNG.length,
      storage_key: key, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    notice[target] = row.id;
    noticeAttachment[target] = a.id;
  }
  Object.assign(f, { notice, noticeAttachment });
  return { notice, noticeAttachment };
}

export function noticesOf(f: MatrixFixture): NoticesFixture {
  const c = f as MatrixFixture & Partial<NoticesFixture>;
  if (!c.notice || !c.noticeAttachment) throw new Error('the matrix fixture has no notices: call addNoticesToFixture(t, f) in buildMatrixFixture');
  return { notice: c.notice, noticeAttachment: c.noticeAttachment };
}
