import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * 互动教学 / 专递课堂 (issue 12): live classes from a lead room to receiving rooms, their
 * occurrences (sessions), the interaction record and who joined from which room. Forward-only.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  const text = 'text' as const;
  const int = 'integer' as const;

  // A live class as scheduled: one-off (weekday null) or every week on `weekday` from starts_on to until_on.
  await db.schema.createTable('live_classes')
    .addColumn('id', int, id)
    .addColumn('city_id', int, (c) => c.notNull().references('regions.id'))
    .addColumn('county_id', int, (c) => c.notNull().references('regions.id'))
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('lead_room_id', int, (c) => c.notNull().references('rooms.id'))
    .addColumn('lead_teacher_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('grade', int, (c) => c.notNull())
    .addColumn('weekday', int)
    .addColumn('starts_on', text, (c) => c.notNull())
    .addColumn('until_on', text)
    .addColumn('start_time', text, (c) => c.notNull())
    .addColumn('minutes', int, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull().defaultTo('active'))
    .addColumn('created_by', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_classes_school').on('live_classes').columns(['school_id', 'status']).execute();
  await db.schema.createIndex('live_classes_county').on('live_classes').columns(['county_id', 'status']).execute();
  await db.schema.createIndex('live_classes_room').on('live_classes').columns(['lead_room_id']).execute();

  // Receiving rooms, with their school's place so scope filters need no join to schools.
  await db.schema.createTable('live_class_rooms')
    .addColumn('live_class_id', int, (c) => c.notNull().references('live_classes.id'))
    .addColumn('room_id', int, (c) => c.notNull().references('rooms.id'))
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('county_id', int, (c) => c.notNull().references('regions.id'))
    .addColumn('city_id', int, (c) => c.notNull().references('regions.id'))
    .addPrimaryKeyConstraint('live_class_rooms_pk', ['live_class_id', 'room_id'])
    .execute();
  await db.schema.createIndex('live_class_rooms_school').on('live_class_rooms').columns(['school_id', 'live_class_id']).execute();
  await db.schema.createIndex('live_class_rooms_room').on('live_class_rooms').columns(['room_id']).execute();

  // One occurrence of a live class on one day: scheduled → live → ended. `media` is the engine's
  // handles (JSON: Janus room and mountpoint ids, pins) while live.
  await db.schema.createTable('live_sessions')
    .addColumn('id', int, id)
    .addColumn('live_class_id', int, (c) => c.notNull().references('live_classes.id'))
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('starts_at', text, (c) => c.notNull())
    .addColumn('ends_at', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('mode', text)
    .addColumn('media', text)
    .addColumn('started_at', text)
    .addColumn('ended_at', text)
    .addColumn('replay_recording_id', int, (c) => c.references('recordings.id'))
    .addUniqueConstraint('live_sessions_class_day', ['live_class_id', 'day'])
    .execute();
  await db.schema.createIndex('live_sessions_status').on('live_sessions').columns(['status', 'starts_at']).execute();

  // The interaction record: hands, calls, questions, polls and answers, joins and drops, in order.
  await db.schema.createTable('live_events')
    .addColumn('id', int, id)
    .addColumn('session_id', int, (c) => c.notNull().references('live_sessions.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('room_id', int, (c) => c.references('rooms.id'))
    .addColumn('user_id', int, (c) => c.references('users.id'))
    .addColumn('payload', text, (c) => c.notNull().defaultTo('{}'))
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_events_session').on('live_events').columns(['session_id', 'id']).execute();

  // Attendance per receiving room: one row per connection (joined, dropped).
  await db.schema.createTable('live_attendance')
    .addColumn('id', int, id)
    .addColumn('session_id', int, (c) => c.notNull().references('live_sessions.id'))
    .addColumn('room_id', int, (c) => c.notNull().references('rooms.id'))
    .addColumn('user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('joined_at', text, (c) => c.notNull())
    .addColumn('left_at', text)
    .execute();
  await db.schema.createIndex('live_attendance_session').on('live_attendance').columns(['session_id', 'room_id']).execute();
}
