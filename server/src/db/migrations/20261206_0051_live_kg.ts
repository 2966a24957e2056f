import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * 园所直播 (issue 12): a kindergarten's guarded live view for families. A live-view room serves one
 * class and has a purpose (never a washroom or a sleeping room: the service refuses them), a viewer
 * cap and weekly windows; every view a parent opens is kept (who, which child and class, when,
 * how long). Forward-only.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  const text = 'text' as const;
  const int = 'integer' as const;

  // A camera room of a kindergarten that parents of one class may watch; its place is copied so
  // scope filters need no join. deleted_at: gone from every list, its views stay in the log.
  await db.schema.createTable('live_kg_rooms')
    .addColumn('id', int, id)
    .addColumn('city_id', int, (c) => c.notNull().references('regions.id'))
    .addColumn('county_id', int, (c) => c.notNull().references('regions.id'))
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('class_id', int, (c) => c.notNull().references('classes.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('purpose', text, (c) => c.notNull())
    .addColumn('cap', int, (c) => c.notNull())
    .addColumn('enabled', int, (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('live_kg_rooms_school').on('live_kg_rooms').columns(['school_id', 'class_id']).execute();
  await db.schema.createIndex('live_kg_rooms_class').on('live_kg_rooms').columns(['class_id']).execute();

  // Weekly windows (Asia/Shanghai wall clock): weekday 1 = Monday … 7 = Sunday, HH:MM from < to.
  await db.schema.createTable('live_kg_windows')
    .addColumn('id', int, id)
    .addColumn('kg_room_id', int, (c) => c.notNull().references('live_kg_rooms.id'))
    .addColumn('weekday', int, (c) => c.notNull())
    .addColumn('from_time', text, (c) => c.notNull())
    .addColumn('to_time', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_kg_windows_room').on('live_kg_windows').columns(['kg_room_id', 'weekday']).execute();

  // One parent's view: open while ended_at is null and heartbeats arrive; the token (hashed) is
  // what the stream's playlist is fetched with. end_reason: ended | timeout | window_closed | replaced.
  await db.schema.createTable('live_kg_views')
    .addColumn('id', int, id)
    .addColumn('kg_room_id', int, (c) => c.notNull().references('live_kg_rooms.id'))
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('class_id', int, (c) => c.notNull().references('classes.id'))
    .addColumn('student_id', int, (c) => c.notNull().references('students.id'))
    .addColumn('user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', text, (c) => c.notNull())
    .addColumn('started_at', text, (c) => c.notNull())
    .addColumn('last_seen_at', text, (c) => c.notNull())
    .addColumn('ended_at', text)
    .addColumn('seconds', int)
    .addColumn('end_reason', text)
    .execute();
  await db.schema.createIndex('live_kg_views_room').on('live_kg_views').columns(['kg_room_id', 'ended_at']).execute();
  await db.schema.createIndex('live_kg_views_started').on('live_kg_views').columns(['school_id', 'started_at']).execute();
  await db.schema.createIndex('live_kg_views_token').on('live_kg_views').columns(['token_hash']).execute();
}
