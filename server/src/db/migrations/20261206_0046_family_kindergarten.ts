import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * Kindergarten care (issue 11): who may pick a child up (接送人, set by a guardian), a guardian's
 * one-off authorisation for one day, the class's arrival and pick-up logs with every refused
 * pick-up, the morning health check (晨检) and medication entrusted by parents with each dose
 * given. Days are Asia/Shanghai dates (YYYY-MM-DD); times ISO text. Forward-only.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  const student = (c: any) => c.notNull().references('students.id').onDelete('cascade');
  const user = (c: any) => c.notNull().references('users.id');

  await db.schema.createTable('pickup_persons')
    .addColumn('id', 'integer', id)
    .addColumn('student_id', 'integer', student)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('id_last4', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('photo_key', 'text')
    .addColumn('photo_type', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by_user_id', 'integer', user)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema.createIndex('pickup_persons_student').on('pickup_persons').column('student_id').execute();

  await db.schema.createTable('pickup_one_offs')
    .addColumn('id', 'integer', id)
    .addColumn('student_id', 'integer', student)
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('photo_key', 'text')
    .addColumn('photo_type', 'text')
    .addColumn('created_by_user_id', 'integer', user)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('pickup_one_offs_student_day').on('pickup_one_offs').columns(['student_id', 'day']).execute();

  await db.schema.createTable('kindergarten_arrivals')
    .addColumn('id', 'integer', id)
    .addColumn('student_id', 'integer', student)
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('arrived_at', 'text', (c) => c.notNull())
    .addColumn('brought_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'integer', user)
    .addUniqueConstraint('kindergarten_arrivals_child_day', ['student_id', 'day'])
    .execute();
  await db.schema.createIndex('kindergarten_arrivals_class_day').on('kindergarten_arrivals').columns(['class_id', 'day']).execute();

  await db.schema.createTable('kindergarten_pickups')
    .addColumn('id', 'integer', id)
    .addColumn('student_id', 'integer', student)
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('picked_at', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('pickup_persons.id'))
    .addColumn('one_off_id', 'integer', (c) => c.references('pickup_one_offs.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('person_relation', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'integer', user)
    // One pick-up a child a day: a second one is a mistake the desk must see.
    .addUniqueConstraint('kindergarten_pickups_child_day', ['student_id', 'day'])
    .execute();
  await db.schema.createIndex('kindergarten_pickups_class_day').on('kindergarten_pickups').columns(['class_id', 'day']).execute();

  await db.schema.createTable('pickup_refusals')
    .addColumn('id', 'integer', id)
    .addColumn('student_id', 'integer', student)
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('person_phone', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'integer', user)
    .execute();
  await db.schema.createIndex('pickup_refusals_student_day').on('pickup_refusals').columns(['student_id', 'day']).execute();

  await db.schema.createTable('health_checks')
    .addColumn('id', 'integer', id)
    .addColumn('student_id', 'integer', student)
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    // Tenths of a degree (365 = 36.5 °C): exact on both dialects.
    .addColumn('temperature_tenths', 'integer', (c) => c.notNull())
    .addColumn('mouth_ok', 'integer', (c) => c.notNull())
    .addColumn('hands_ok', 'integer', (c) => c.notNull())
    .addColumn('skin_ok', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('checked_by_user_id', 'integer', user)
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('health_checks_child_day', ['student_id', 'day'])
    .execute();
  await db.schema.createIndex('health_checks_class_day').on('health_checks').columns(['class_id', 'day']).execute();

  await db.schema.createTable('medications')
    .addColumn('id', 'integer', id)
    .addColumn('student_id', 'integer', student)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('dose', 'text', (c) => c.notNull())
    // JSON array of times of day ("11:30"), when a dose is due.
    .addColumn('times', 'text', (c) => c.notNull())
    .addColumn('from_day', 'text', (c) => c.notNull())
    .addColumn('to_day', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('photo_key', 'text')
    .addColumn('photo_type', 'text')
    .addColumn('created_by_user_id', 'integer', user)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('medications_student').on('medications').column('student_id').execute();

  await db.schema.createTable('medication_doses')
    .addColumn('id', 'integer', id)
    .addColumn('medication_id', 'integer', (c) => c.notNull().references('medications.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('given_by_user_id', 'integer', user)
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('medication_doses_medication').on('medication_doses').columns(['medication_id', 'day']).execute();
}
