import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * Teacher–parent messages (家校沟通, issue 11): conversations (one guardian and one of the child's
 * class staff about that child, or a class's staff and all its guardians), their messages — never
 * deleted; the school may hide one for a reason, the original kept — what each reader has read,
 * parents' reports of a message, and each teacher's working hours. Forward-only, like every migration.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  await db.schema.createTable('family_conversations')
    .addColumn('id', 'integer', id)
    // 'direct': one guardian and one class staff member about one child; 'class': the class's staff and guardians.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('student_id', 'integer', (c) => c.references('students.id').onDelete('cascade'))
    .addColumn('guardian_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('staff_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_message_at', 'text')
    .execute();
  await db.schema.createIndex('family_conversations_class').on('family_conversations').columns(['class_id', 'kind']).execute();
  await db.schema.createIndex('family_conversations_guardian').on('family_conversations').column('guardian_user_id').execute();
  await db.schema.createIndex('family_conversations_staff').on('family_conversations').column('staff_user_id').execute();

  await db.schema.createTable('family_messages')
    .addColumn('id', 'integer', id)
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('family_conversations.id').onDelete('cascade'))
    .addColumn('sender_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set when the school hid the message: readers see a placeholder, the body stays for the record.
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_by', 'integer', (c) => c.references('users.id'))
    .addColumn('hidden_reason', 'text')
    .execute();
  await db.schema.createIndex('family_messages_conversation').on('family_messages').columns(['conversation_id', 'id']).execute();

  await db.schema.createTable('family_message_reads')
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('family_conversations.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('last_read_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('family_message_reads_pk', ['conversation_id', 'user_id'])
    .execute();

  await db.schema.createTable('family_message_reports')
    .addColumn('id', 'integer', id)
    .addColumn('message_id', 'integer', (c) => c.notNull().references('family_messages.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('reporter_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // 'open', then 'hidden' (the school hid the message) or 'dismissed'.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('handled_by', 'integer', (c) => c.references('users.id'))
    .addColumn('handled_at', 'text')
    .addColumn('handled_note', 'text')
    .addUniqueConstraint('family_message_reports_once', ['message_id', 'reporter_user_id'])
    .execute();
  await db.schema.createIndex('family_message_reports_school').on('family_message_reports').columns(['school_id', 'state']).execute();

  await db.schema.createTable('family_working_hours')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // JSON: [{ weekday: 1..7, start: 'HH:MM', end: 'HH:MM' }], Asia/Shanghai wall-clock times.
    .addColumn('ranges', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
