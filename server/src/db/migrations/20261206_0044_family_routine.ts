import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * The family app's campus routine (issue 11): each class's weekly timetable, edited by its staff,
 * and the homework class staff post with its expected time, from which the day's written total
 * of a class is set against the national limits. Forward-only, like every migration.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.createTable('class_timetable')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    // 1 = Monday … 7 = Sunday; period 1 = the first lesson of the day.
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    // Asia/Shanghai wall-clock HH:MM.
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('teacher_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('class_timetable_slot', ['class_id', 'weekday', 'period'])
    .execute();

  await db.schema.createTable('homework')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    // Kept beside the class so the weekly figures are scoped and grouped by school and county on this table alone.
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('county_id', 'integer', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.notNull())
    // The class's grade when posted: the limit it was held to (1–2: no written homework, 3–6: 60, 7–9: 90).
    .addColumn('grade_level', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    // 'written' (书面) | 'oral' (口头) | 'practice' (实践): only written homework counts against the limit.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    // The day it is given (its evening's load), and the day it is due.
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    // The warning the poster saw (NO_HOMEWORK, NO_WRITTEN_HOMEWORK, OVER_WRITTEN_LIMIT), null when none.
    .addColumn('warning', 'text')
    .addColumn('created_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('homework_class_day').on('homework').columns(['class_id', 'assigned_on']).execute();
  await db.schema.createIndex('homework_school_day').on('homework').columns(['school_id', 'assigned_on']).execute();
}
