import { type AnyDb } from './migration-helpers.js';

/**
 * The family app's foundation (issue 11): who teaches which class. A class's staff (班主任 and
 * 任课教师) reach its children's family data — notices, messages, attendance, pick-up — and no
 * other class's; a principal reaches the whole school. Guardianships gain an index by child, as
 * every family list asks "whose child is this". Forward-only, like every migration.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.createTable('class_staff')
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // 'head' (班主任) or 'subject' (任课教师).
    .addColumn('duty', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('class_staff_pk', ['class_id', 'user_id'])
    .execute();
  await db.schema.createIndex('class_staff_user').on('class_staff').column('user_id').execute();
  await db.schema.createIndex('guardianships_student').on('guardianships').column('student_id').execute();
}
