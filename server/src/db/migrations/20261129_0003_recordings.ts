import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * Recording classrooms, their recorders, uploads, recorded lessons and the durable job queue.
 * Rows that scope by school carry county_id and city_id too, so scope predicates need no join.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  const scopeColumns = (t: ReturnType<AnyDb['schema']['createTable']>) =>
    t
      .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
      .addColumn('county_id', 'integer', (c) => c.notNull().references('regions.id'))
      .addColumn('city_id', 'integer', (c) => c.notNull().references('regions.id'));

  await scopeColumns(db.schema.createTable('rooms').addColumn('id', 'integer', id))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('vendor', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('model', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tracks', 'text', (c) => c.notNull().defaultTo('["composite"]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('planned_on', 'text')
    .addColumn('installed_on', 'text')
    .addColumn('activated_on', 'text')
    .addColumn('in_use_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rooms_school_id').on('rooms').column('school_id').execute();
  await db.schema.createIndex('rooms_county_id').on('rooms').columns(['county_id', 'status']).execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'integer', id)
    .addColumn('room_id', 'integer', (c) => c.notNull().references('rooms.id'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_hint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('rotated_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_heartbeat_at', 'text')
    .addColumn('last_state', 'text')
    .addColumn('disk_free_bytes', 'bigint')
    .addColumn('firmware', 'text')
    .addColumn('last_ip', 'text')
    .execute();
  await db.schema.createIndex('devices_room_id').on('devices').column('room_id').execute();

  await db.schema
    .createTable('room_timetable')
    .addColumn('id', 'integer', id)
    .addColumn('room_id', 'integer', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('grade', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('class_id', 'integer', (c) => c.references('classes.id'))
    .addColumn('teacher_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('room_timetable_room').on('room_timetable').columns(['room_id', 'weekday']).execute();

  await scopeColumns(db.schema.createTable('room_alerts').addColumn('id', 'integer', id))
    .addColumn('room_id', 'integer', (c) => c.notNull().references('rooms.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lesson_start', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addUniqueConstraint('room_alerts_once', ['room_id', 'kind', 'lesson_start'])
    .execute();
  await db.schema.createIndex('room_alerts_county').on('room_alerts').columns(['county_id', 'created_at']).execute();

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('owner_device_id', 'integer', (c) => c.references('devices.id'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('received_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('hash_state', 'text')
    .addColumn('hashed_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('recording_id', 'integer')
    .execute();

  await scopeColumns(db.schema.createTable('recordings').addColumn('id', 'integer', id))
    .addColumn('room_id', 'integer', (c) => c.references('rooms.id'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('grade', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('class_id', 'integer', (c) => c.references('classes.id'))
    .addColumn('teacher_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('teacher_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lesson_start', 'text', (c) => c.notNull())
    .addColumn('lesson_end', 'text')
    .addColumn('school_day', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('uploaded_by_device_id', 'integer', (c) => c.references('devices.id'))
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failure_code', 'text')
    .addColumn('failure_message', 'text')
    .addColumn('duration_seconds', 'real')
    .addColumn('media_info', 'text')
    .addColumn('packaging', 'text')
    .addColumn('renditions', 'text')
    .addColumn('has_audio', 'integer')
    .addColumn('audio_max_db', 'real')
    .addColumn('counts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('counts_reason', 'text')
    .addColumn('keep', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ready_at', 'text')
    .execute();
  await db.schema.createIndex('recordings_school_day').on('recordings').columns(['school_id', 'school_day']).execute();
  await db.schema.createIndex('recordings_county_day').on('recordings').columns(['county_id', 'school_day']).execute();
  await db.schema.createIndex('recordings_city_day').on('recordings').columns(['city_id', 'school_day']).execute();
  await db.schema.createIndex('recordings_group').on('recordings').column('group_id').execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_after']).execute();
}
