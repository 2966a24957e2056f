import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * Binding a guardian to a child (issue 11): a class's invitation codes, the requests a parent
 * makes with one (pending until the class's staff confirm), and the failed tries that hold back
 * guessing. A confirmed request becomes a guardianships row (students' table). Forward-only.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  const text = 'text' as const;
  const int = 'integer' as const;

  await db.schema.createTable('binding_codes')
    .addColumn('id', int, id)
    .addColumn('class_id', int, (c) => c.notNull().references('classes.id').onDelete('cascade'))
    // Kept as written (unique), so the teacher can show the code and its QR again while it runs.
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('max_uses', int, (c) => c.notNull())
    .addColumn('uses', int, (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('revoked_at', text)
    .addColumn('created_by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('binding_codes_class').on('binding_codes').columns(['class_id', 'id']).execute();

  await db.schema.createTable('binding_requests')
    .addColumn('id', int, id)
    .addColumn('code_id', int, (c) => c.notNull().references('binding_codes.id').onDelete('cascade'))
    .addColumn('class_id', int, (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('student_id', int, (c) => c.notNull().references('students.id').onDelete('cascade'))
    .addColumn('guardian_user_id', int, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('relation', text, (c) => c.notNull())
    // 'pending' | 'confirmed' | 'rejected'
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('reason', text, (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by_user_id', int, (c) => c.references('users.id'))
    .addColumn('decided_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('binding_requests_class').on('binding_requests').columns(['class_id', 'status']).execute();
  await db.schema.createIndex('binding_requests_guardian').on('binding_requests').columns(['guardian_user_id', 'student_id']).execute();

  await db.schema.createTable('binding_failures')
    .addColumn('id', int, id)
    .addColumn('user_id', int, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('binding_failures_user').on('binding_failures').columns(['user_id', 'at']).execute();
}
