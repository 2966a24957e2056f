import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * Notices with receipts (家校通知, issue 11): a notice, the classes it went to, one delivery per
 * person (a guardian once even with two children in the audience; school staff for an emergency
 * notice), the children that put each guardian in the audience (their labels, and the class a
 * receipt list groups them by), and the notice's attachments. Forward-only, like every migration.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  const text = 'text' as const;
  const int = 'integer' as const;

  await db.schema.createTable('notices')
    .addColumn('id', int, id)
    .addColumn('sender_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('sender_name', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('must_confirm', int, (c) => c.notNull())
    .addColumn('urgent', int, (c) => c.notNull())
    .addColumn('emergency', int, (c) => c.notNull())
    .addColumn('include_staff', int, (c) => c.notNull())
    // 'classes' | 'grades' | 'schools' | 'counties', with the chosen ids (JSON) and their names for lists.
    .addColumn('audience_kind', text, (c) => c.notNull())
    .addColumn('audience_ids', text, (c) => c.notNull())
    .addColumn('audience_label', text, (c) => c.notNull())
    .addColumn('recipients', int, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    // When the push goes: at once, or 07:00 after quiet hours; pushed_at is set once it went.
    .addColumn('push_due_at', text, (c) => c.notNull())
    .addColumn('pushed_at', text)
    .addColumn('reminded_at', text)
    .execute();
  await db.schema.createIndex('notices_sender').on('notices').columns(['sender_user_id', 'id']).execute();
  await db.schema.createIndex('notices_push_due').on('notices').columns(['pushed_at', 'push_due_at']).execute();

  await db.schema.createTable('notice_classes')
    .addColumn('notice_id', int, (c) => c.notNull().references('notices.id'))
    .addColumn('class_id', int, (c) => c.notNull().references('classes.id'))
    .addPrimaryKeyConstraint('notice_classes_pk', ['notice_id', 'class_id'])
    .execute();

  await db.schema.createTable('notice_deliveries')
    .addColumn('notice_id', int, (c) => c.notNull().references('notices.id'))
    .addColumn('user_id', int, (c) => c.notNull().references('users.id'))
    // 1: school staff (an emergency notice), 0: a guardian.
    .addColumn('staff', int, (c) => c.notNull())
    .addColumn('read_at', text)
    .addColumn('confirmed_at', text)
    .addPrimaryKeyConstraint('notice_deliveries_pk', ['notice_id', 'user_id'])
    .execute();
  await db.schema.createIndex('notice_deliveries_user').on('notice_deliveries').columns(['user_id', 'notice_id']).execute();

  await db.schema.createTable('notice_delivery_children')
    .addColumn('notice_id', int, (c) => c.notNull().references('notices.id'))
    .addColumn('user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('student_id', int, (c) => c.notNull().references('students.id'))
    .addColumn('class_id', int, (c) => c.notNull().references('classes.id'))
    // "一年级(1)班 王小明" and the guardian's relation, as they were when the notice went.
    .addColumn('label', text, (c) => c.notNull())
    .addColumn('relation', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_delivery_children_pk', ['notice_id', 'user_id', 'student_id'])
    .execute();
  await db.schema.createIndex('notice_delivery_children_class').on('notice_delivery_children').columns(['notice_id', 'class_id']).execute();

  await db.schema.createTable('notice_attachments')
    .addColumn('id', int, id)
    // Null until the notice it was uploaded for is sent.
    .addColumn('notice_id', int, (c) => c.references('notices.id'))
    .addColumn('uploaded_by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('content_type', text, (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('storage_key', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_attachments_notice').on('notice_attachments').columns(['notice_id']).execute();
}
