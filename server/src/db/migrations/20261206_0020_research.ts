import { type AnyDb, idColumn } from './migration-helpers.js';

/**
 * Online teaching research (issue 9): research groups, activities with their schools, members,
 * lessons and files; rooms' one-off bookings; time-stamped comments with their edit history;
 * observation scales and scores; S-T codings and the automatic drafts from audio; class patrols.
 * Lessons are named by school and group_id, as recordings name a lesson's tracks.
 */
export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  const text = 'text' as const;
  const int = 'integer' as const;

  await db.schema.createTable('research_groups')
    .addColumn('id', int, id)
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('city_id', int, (c) => c.notNull().references('regions.id'))
    .addColumn('county_id', int, (c) => c.references('regions.id'))
    .addColumn('school_id', int, (c) => c.references('schools.id'))
    .addColumn('leader_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('archived_at', text)
    .execute();
  await db.schema.createTable('research_group_members')
    .addColumn('id', int, id)
    .addColumn('group_id', int, (c) => c.notNull().references('research_groups.id'))
    .addColumn('user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('school_id', int, (c) => c.references('schools.id'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('joined_at', text, (c) => c.notNull())
    .addUniqueConstraint('research_group_members_once', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('research_group_members_user').on('research_group_members').columns(['user_id', 'group_id']).execute();

  await db.schema.createTable('research_activities')
    .addColumn('id', int, id)
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('topic', text, (c) => c.notNull())
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('grade', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('city_id', int, (c) => c.notNull().references('regions.id'))
    .addColumn('county_id', int, (c) => c.references('regions.id'))
    .addColumn('school_id', int, (c) => c.references('schools.id'))
    .addColumn('group_id', int, (c) => c.references('research_groups.id'))
    .addColumn('organiser_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('rubric_id', int)
    .addColumn('st_interval_seconds', int, (c) => c.notNull().defaultTo(30))
    .addColumn('starts_on', text, (c) => c.notNull())
    .addColumn('ends_on', text, (c) => c.notNull())
    .addColumn('review_deadline', text)
    .addColumn('summary', text)
    .addColumn('summarised_at', text)
    .addColumn('summarised_by_user_id', int, (c) => c.references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('research_activities_city').on('research_activities').columns(['city_id', 'starts_on']).execute();
  await db.schema.createIndex('research_activities_county').on('research_activities').columns(['county_id', 'starts_on']).execute();
  await db.schema.createIndex('research_activities_school').on('research_activities').columns(['school_id', 'starts_on']).execute();
  await db.schema.createIndex('research_activities_group').on('research_activities').columns(['group_id']).execute();

  await db.schema.createTable('research_activity_schools')
    .addColumn('id', int, id)
    .addColumn('activity_id', int, (c) => c.notNull().references('research_activities.id'))
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('county_id', int, (c) => c.notNull())
    .addColumn('city_id', int, (c) => c.notNull())
    .addUniqueConstraint('research_activity_schools_once', ['activity_id', 'school_id'])
    .execute();
  await db.schema.createIndex('research_activity_schools_school').on('research_activity_schools').columns(['school_id', 'activity_id']).execute();
  await db.schema.createIndex('research_activity_schools_county').on('research_activity_schools').columns(['county_id', 'activity_id']).execute();

  await db.schema.createTable('research_activity_members')
    .addColumn('id', int, id)
    .addColumn('activity_id', int, (c) => c.notNull().references('research_activities.id'))
    .addColumn('user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('school_id', int, (c) => c.references('schools.id'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('added_at', text, (c) => c.notNull())
    .addUniqueConstraint('research_activity_members_once', ['activity_id', 'user_id'])
    .execute();
  await db.schema.createIndex('research_activity_members_user').on('research_activity_members').columns(['user_id', 'activity_id']).execute();

  await db.schema.createTable('research_activity_lessons')
    .addColumn('id', int, id)
    .addColumn('activity_id', int, (c) => c.notNull().references('research_activities.id'))
    .addColumn('recording_id', int, (c) => c.notNull())
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('county_id', int, (c) => c.notNull())
    .addColumn('city_id', int, (c) => c.notNull())
    .addColumn('group_id', text, (c) => c.notNull())
    .addColumn('teacher_user_id', int, (c) => c.references('users.id'))
    .addColumn('teacher_name', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('attached_by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('attached_at', text, (c) => c.notNull())
    .addColumn('position', int, (c) => c.notNull())
    .addUniqueConstraint('research_activity_lessons_once', ['activity_id', 'school_id', 'group_id'])
    .execute();
  await db.schema.createIndex('research_activity_lessons_lesson').on('research_activity_lessons').columns(['school_id', 'group_id']).execute();
  await db.schema.createIndex('research_activity_lessons_teacher').on('research_activity_lessons').columns(['teacher_user_id']).execute();

  await db.schema.createTable('research_activity_files')
    .addColumn('id', int, id)
    .addColumn('activity_id', int, (c) => c.notNull().references('research_activities.id'))
    .addColumn('lesson_id', int, (c) => c.references('research_activity_lessons.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('storage_key', text, (c) => c.notNull())
    .addColumn('content_type', text, (c) => c.notNull())
    .addColumn('size_bytes', int, (c) => c.notNull())
    .addColumn('uploaded_by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('research_activity_files_activity').on('research_activity_files').columns(['activity_id']).execute();

  await db.schema.createTable('room_bookings')
    .addColumn('id', int, id)
    .addColumn('room_id', int, (c) => c.notNull().references('rooms.id'))
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('county_id', int, (c) => c.notNull())
    .addColumn('city_id', int, (c) => c.notNull())
    .addColumn('starts_at', text, (c) => c.notNull())
    .addColumn('ends_at', text, (c) => c.notNull())
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('grade', text, (c) => c.notNull())
    .addColumn('teacher_user_id', int, (c) => c.references('users.id'))
    .addColumn('teacher_name', text, (c) => c.notNull())
    .addColumn('purpose', text, (c) => c.notNull())
    .addColumn('purpose_ref', int)
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('created_by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('cancelled_at', text)
    .execute();
  await db.schema.createIndex('room_bookings_room').on('room_bookings').columns(['room_id', 'starts_at']).execute();
  await db.schema.createIndex('room_bookings_purpose').on('room_bookings').columns(['purpose', 'purpose_ref']).execute();

  await db.schema.createTable('lesson_comments')
    .addColumn('id', int, id)
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('group_id', text, (c) => c.notNull())
    .addColumn('recording_id', int, (c) => c.notNull())
    .addColumn('activity_id', int, (c) => c.references('research_activities.id'))
    .addColumn('parent_id', int, (c) => c.references('lesson_comments.id'))
    .addColumn('author_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('at_ms', int, (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('rubric_item_key', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .addColumn('deleted_by_user_id', int, (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('lesson_comments_lesson').on('lesson_comments').columns(['school_id', 'group_id', 'at_ms']).execute();
  await db.schema.createIndex('lesson_comments_activity').on('lesson_comments').columns(['activity_id', 'school_id', 'group_id']).execute();
  await db.schema.createIndex('lesson_comments_author').on('lesson_comments').columns(['author_user_id']).execute();
  await db.schema.createIndex('lesson_comments_parent').on('lesson_comments').columns(['parent_id']).execute();

  await db.schema.createTable('lesson_comment_edits')
    .addColumn('id', int, id)
    .addColumn('comment_id', int, (c) => c.notNull().references('lesson_comments.id'))
    .addColumn('body_before', text, (c) => c.notNull())
    .addColumn('edited_by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('edited_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lesson_comment_edits_comment').on('lesson_comment_edits').columns(['comment_id']).execute();

  await db.schema.createTable('observation_rubrics')
    .addColumn('id', int, id)
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('city_id', int, (c) => c.notNull().references('regions.id'))
    .addColumn('county_id', int, (c) => c.references('regions.id'))
    .addColumn('definition', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('created_by_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('observation_rubrics_owner').on('observation_rubrics').columns(['city_id', 'county_id']).execute();

  await db.schema.createTable('observation_scores')
    .addColumn('id', int, id)
    .addColumn('activity_id', int, (c) => c.notNull().references('research_activities.id'))
    .addColumn('rubric_id', int, (c) => c.notNull().references('observation_rubrics.id'))
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('group_id', text, (c) => c.notNull())
    .addColumn('observer_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('item_key', text, (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('observation_scores_once', ['activity_id', 'school_id', 'group_id', 'observer_user_id', 'item_key'])
    .execute();

  await db.schema.createTable('st_codings')
    .addColumn('id', int, id)
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('group_id', text, (c) => c.notNull())
    .addColumn('activity_id', int, (c) => c.references('research_activities.id'))
    .addColumn('coder_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('interval_seconds', int, (c) => c.notNull())
    .addColumn('codes', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('st_codings_lesson').on('st_codings').columns(['school_id', 'group_id', 'activity_id']).execute();
  await db.schema.createIndex('st_codings_coder').on('st_codings').columns(['coder_user_id']).execute();

  await db.schema.createTable('st_audio_drafts')
    .addColumn('id', int, id)
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('group_id', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('reason_code', text)
    .addColumn('reason_message', text)
    .addColumn('interval_seconds', int, (c) => c.notNull())
    .addColumn('codes', text)
    .addColumn('detail', text)
    .addColumn('requested_at', text, (c) => c.notNull())
    .addColumn('computed_at', text)
    .addUniqueConstraint('st_audio_drafts_once', ['school_id', 'group_id', 'interval_seconds'])
    .execute();

  await db.schema.createTable('patrols')
    .addColumn('id', int, id)
    .addColumn('school_id', int, (c) => c.notNull().references('schools.id'))
    .addColumn('county_id', int, (c) => c.notNull())
    .addColumn('city_id', int, (c) => c.notNull())
    .addColumn('recording_id', int, (c) => c.notNull())
    .addColumn('group_id', text, (c) => c.notNull())
    .addColumn('teacher_user_id', int, (c) => c.references('users.id'))
    .addColumn('teacher_name', text, (c) => c.notNull())
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('grade', text, (c) => c.notNull())
    .addColumn('patrol_day', text, (c) => c.notNull())
    .addColumn('patroller_user_id', int, (c) => c.notNull().references('users.id'))
    .addColumn('scores', text, (c) => c.notNull())
    .addColumn('total', 'real', (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrols_school_day').on('patrols').columns(['school_id', 'patrol_day']).execute();
  await db.schema.createIndex('patrols_county_day').on('patrols').columns(['county_id', 'patrol_day']).execute();
  await db.schema.createIndex('patrols_patroller').on('patrols').columns(['patroller_user_id', 'patrol_day']).execute();
}
