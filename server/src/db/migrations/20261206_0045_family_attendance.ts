import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * Morning attendance and leave (issue 11). One row per child and school day holds its status and
 * arrival, written by class staff's roll call, a gate's check-in or an imported gate file. Leave
 * requests are kept apart: an approved one makes the day's status on_leave when it is read, so a
 * changed calendar or a late approval never leaves stale rows. Each school sets its absence-alert
 * and lateness times; the alert runs once per school and day. Gates authenticate with a token of
 * their own school (only its hash is stored). Forward-only, like every migration.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.createTable('attendance_days')
    .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.notNull())
    .addColumn('class_id', 'integer', (c) => c.notNull())
    // present | late | absent (on_leave comes from leave_requests when read).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('arrived_at', 'text')
    .addColumn('left_at', 'text')
    // teacher | gate | import: who set the status last.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_days_pk', ['student_id', 'day'])
    .execute();
  await db.schema.createIndex('attendance_days_class_day').on('attendance_days').columns(['class_id', 'day']).execute();
  await db.schema.createIndex('attendance_days_school_day').on('attendance_days').columns(['school_id', 'day']).execute();

  await db.schema.createTable('leave_requests')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('cascade'))
    .addColumn('class_id', 'integer', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.notNull())
    .addColumn('from_day', 'text', (c) => c.notNull())
    .addColumn('to_day', 'text', (c) => c.notNull())
    // whole | am | pm
    .addColumn('part', 'text', (c) => c.notNull())
    // sick | personal
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    // pending | approved | declined | withdrawn
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('leave_requests_student').on('leave_requests').columns(['student_id', 'from_day']).execute();
  await db.schema.createIndex('leave_requests_class').on('leave_requests').columns(['class_id', 'status']).execute();

  await db.schema.createTable('attendance_settings')
    .addColumn('school_id', 'integer', (c) => c.primaryKey())
    // HH:MM Asia/Shanghai.
    .addColumn('alert_at', 'text', (c) => c.notNull())
    .addColumn('late_after', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The absence alert of a school and day has been sent: later runs of the minute's work skip it.
  await db.schema.createTable('attendance_alert_runs')
    .addColumn('school_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('alerted', 'integer', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_alert_runs_pk', ['school_id', 'day'])
    .execute();

  await db.schema.createTable('attendance_gates')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_hint', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}
