import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Kysely hands migrations an untyped database: a migration describes the schema of its own day.
type AnyDb = Kysely<any>;

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  // An integer key the database assigns; explicit ids (the seed's) are allowed on both.
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey();

  await db.schema
    .createTable('regions')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('regions.id'))
    .addColumn('bureau_name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', 'integer', id)
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('departments_region_kind', ['region_id', 'kind'])
    .execute();

  await db.schema
    .createTable('schools')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('city_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('locality', 'text', (c) => c.notNull())
    .addColumn('poor_village', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('student_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('staff_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('batch', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Lists are filtered by county or city and ordered by id; these keep a scoped page an index range.
  await db.schema.createIndex('schools_county_id').on('schools').columns(['county_id', 'id']).execute();
  await db.schema.createIndex('schools_city_id').on('schools').columns(['city_id', 'id']).execute();

  await db.schema
    .createTable('grades')
    .addColumn('id', 'integer', id)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grades_school_id').on('grades').column('school_id').execute();

  await db.schema
    .createTable('classes')
    .addColumn('id', 'integer', id)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('grade_id', 'integer', (c) => c.notNull().references('grades.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('classes_school_id').on('classes').column('school_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('city_id', 'integer', (c) => c.references('regions.id'))
    .addColumn('county_id', 'integer', (c) => c.references('regions.id'))
    .addColumn('school_id', 'integer', (c) => c.references('schools.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('role_assignments_user_id').on('role_assignments').column('user_id').execute();
  await db.schema.createIndex('role_assignments_school_id').on('role_assignments').column('school_id').execute();
  await db.schema.createIndex('role_assignments_county_id').on('role_assignments').column('county_id').execute();

  await db.schema
    .createTable('students')
    .addColumn('id', 'integer', id)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('student_no', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('students_class_id').on('students').column('class_id').execute();
  await db.schema.createIndex('students_school_id').on('students').column('school_id').execute();

  await db.schema
    .createTable('guardianships')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('cascade'))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('guardianships_pk', ['user_id', 'student_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', id)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'at']).execute();

  await db.schema
    .createTable('audit_chain')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_chain').values({ id: 1, last_hash: '0'.repeat(64), last_id: 0 }).execute();
}
