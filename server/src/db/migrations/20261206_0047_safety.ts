import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * 平安校园 (issue 11): which checklist areas a school keeps (no dormitory, no bus), safety
 * checks with their answers, hazards with their rectification, escalation and photos, and
 * drills. Forward-only, like every migration.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  const text = 'text' as const;
  const int = 'integer' as const;

  // A row only where the school departs from the default (every area enabled).
  await db.schema.createTable('safety_school_areas')
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('area', text, (c) => c.notNull())
    .addColumn('enabled', int, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('safety_school_areas_pk', ['school_id', 'area'])
    .execute();

  await db.schema.createTable('safety_checks')
    .addColumn('id', int, id)
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('checked_on', text, (c) => c.notNull())
    // JSON: [{ area, items: [{ key, ok, note }] }]
    .addColumn('results', text, (c) => c.notNull())
    .addColumn('problems', int, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('safety_checks_school').on('safety_checks').columns(['school_id', 'checked_on']).execute();

  await db.schema.createTable('safety_hazards')
    .addColumn('id', int, id)
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('check_id', int, (c) => c.references('safety_checks.id'))
    .addColumn('area', text, (c) => c.notNull())
    .addColumn('item', text)
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('level', text, (c) => c.notNull())
    .addColumn('responsible_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('deadline', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('reported_by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('rectification_note', text)
    .addColumn('rectified_by_user_id', int, (c) => c.references('users.id'))
    .addColumn('rectified_at', text)
    // The Shanghai day of the rectification, against the deadline for the on-time rate.
    .addColumn('rectified_on', text)
    .addColumn('verified_by_user_id', int, (c) => c.references('users.id'))
    .addColumn('verified_at', text)
    // Set once, when the due task escalates the overdue hazard to the county.
    .addColumn('escalated_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('safety_hazards_school').on('safety_hazards').columns(['school_id', 'status']).execute();
  await db.schema.createIndex('safety_hazards_due').on('safety_hazards').columns(['status', 'deadline']).execute();

  // A hazard's photos: as reported, and of its rectification.
  await db.schema.createTable('safety_hazard_photos')
    .addColumn('id', int, id)
    .addColumn('hazard_id', int, (c) => c.notNull().references('safety_hazards.id'))
    .addColumn('stage', text, (c) => c.notNull())
    .addColumn('storage_key', text, (c) => c.notNull())
    .addColumn('mime', text, (c) => c.notNull())
    .addColumn('size_bytes', int, (c) => c.notNull())
    .addColumn('by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('safety_hazard_photos_hazard').on('safety_hazard_photos').columns(['hazard_id']).execute();

  await db.schema.createTable('safety_drills')
    .addColumn('id', int, id)
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('held_on', text, (c) => c.notNull())
    .addColumn('participants', int, (c) => c.notNull())
    .addColumn('duration_minutes', int, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('safety_drills_school').on('safety_drills').columns(['school_id', 'held_on']).execute();
}
