import type { ColumnType, Generated } from 'kysely';

/**
 * Online teaching research (在线教研) and class patrol (巡课); rooms' one-off bookings.
 * Conventions: see ../schema.ts. A "lesson" here is a recorded lesson of `recordings`, named by
 * its school and `group_id` (every track of it), never by copying its files.
 */

/** A research group (教研组 inside a school, or a 名师工作室 spanning schools). */
export interface ResearchGroupTable {
  id: Generated<number>;
  kind: 'subject_group' | 'master_studio';
  name: string;
  subject: string;
  description: string;
  /** The node the group belongs to: a school's 教研组 (school_id set), a county's or the city's studio. */
  city_id: number;
  county_id: number | null;
  school_id: number | null;
  leader_user_id: number;
  created_by_user_id: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface ResearchGroupMemberTable {
  id: Generated<number>;
  group_id: number;
  user_id: number;
  /** The member's school when they teach in one (null: a research officer). */
  school_id: number | null;
  role: 'leader' | 'member';
  joined_at: string;
}

/** A research activity (教研活动). */
export interface ResearchActivityTable {
  id: Generated<number>;
  /** 集体备课 · 同课异构 · 公开课 · 评课议课 */
  kind: 'joint_prep' | 'same_topic' | 'open_lesson' | 'lesson_review';
  topic: string;
  subject: string;
  grade: string;
  description: string;
  status: 'planned' | 'open' | 'summarised';
  /** The organising node: the city (county_id and school_id null), a county, or a school. */
  city_id: number;
  county_id: number | null;
  school_id: number | null;
  group_id: number | null;
  organiser_user_id: number;
  /** The observation rubric (课堂观察量表) observers score this activity's lessons on (null: none). */
  rubric_id: number | null;
  /** S-T coding interval in seconds (30 by default). */
  st_interval_seconds: number;
  starts_on: string;
  ends_on: string;
  /** Reviews (comments, scores, S-T codings) are taken until this ISO instant; null: until summarised. */
  review_deadline: string | null;
  summary: string | null;
  summarised_at: string | null;
  summarised_by_user_id: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A school taking part in an activity (scope columns copied for scoped reads). */
export interface ResearchActivitySchoolTable {
  id: Generated<number>;
  activity_id: number;
  school_id: number;
  county_id: number;
  city_id: number;
}

/** A person taking part: the organiser, teachers who teach or observe, research officers. */
export interface ResearchActivityMemberTable {
  id: Generated<number>;
  activity_id: number;
  user_id: number;
  school_id: number | null;
  role: 'organiser' | 'teacher' | 'observer';
  added_at: string;
}

/** A recorded lesson attached to an activity. */
export interface ResearchActivityLessonTable {
  id: Generated<number>;
  activity_id: number;
  /** The lesson's representative track (composite where there is one). */
  recording_id: number;
  school_id: number;
  county_id: number;
  city_id: number;
  group_id: string;
  teacher_user_id: number | null;
  teacher_name: string;
  title: string;
  attached_by_user_id: number;
  attached_at: string;
  /** Order on the activity page and in 同课异构 comparison. */
  position: number;
}

/** A lesson plan, courseware or other file of an activity (bytes in the object store). */
export interface ResearchActivityFileTable {
  id: Generated<number>;
  activity_id: number;
  /** The attached lesson the file belongs to (null: the activity's own). */
  lesson_id: number | null;
  kind: 'lesson_plan' | 'courseware' | 'other';
  name: string;
  storage_key: string;
  content_type: string;
  size_bytes: number;
  uploaded_by_user_id: number;
  created_at: string;
  deleted_at: string | null;
}

/**
 * A one-off booking of a recording room (owned by rooms): "record it in room X at time T". It
 * shows on the room's timetable; `purpose_ref` names what asked for it (a research activity).
 */
export interface RoomBookingTable {
  id: Generated<number>;
  room_id: number;
  school_id: number;
  county_id: number;
  city_id: number;
  starts_at: string;
  ends_at: string;
  subject: string;
  grade: string;
  teacher_user_id: number | null;
  teacher_name: string;
  purpose: 'research';
  purpose_ref: number | null;
  note: string;
  created_by_user_id: number;
  created_at: string;
  cancelled_at: string | null;
}

/** A time-stamped comment on a lesson (threaded by parent_id). */
export interface LessonCommentTable {
  id: Generated<number>;
  school_id: number;
  group_id: string;
  recording_id: number;
  /** The activity it was made in (visible to its participants); null: to all who may see the lesson. */
  activity_id: number | null;
  parent_id: number | null;
  author_user_id: number;
  /** Position on the lesson's clock in milliseconds. */
  at_ms: number;
  body: string;
  /** A tag from the activity's observation rubric: the item key (null: none). */
  rubric_item_key: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by_user_id: number | null;
}

/** Earlier wordings of an edited comment. */
export interface LessonCommentEditTable {
  id: Generated<number>;
  comment_id: number;
  body_before: string;
  edited_by_user_id: number;
  edited_at: string;
}

/** A classroom observation rubric (课堂观察量表, scale) defined by the city or a county. */
export interface ObservationRubricTable {
  id: Generated<number>;
  name: string;
  description: string;
  city_id: number;
  county_id: number | null;
  /** JSON: { dimensions: [{ key, name, items: [{ key, text, weight, levels: [{ score, label, descriptor }] }] }] } */
  definition: string;
  status: 'draft' | 'published' | 'archived';
  created_by_user_id: number;
  created_at: string;
  updated_at: string;
  /** 1 for a new rubric; a copy (a revision of a rubric already scored on) takes the next number. */
  version: Generated<number>;
  /** The rubric this one was copied from (null: written from scratch). */
  copied_from_rubric_id: number | null;
}

/** One observer's score of one rubric item for one lesson in one activity. */
export interface ObservationScoreTable {
  id: Generated<number>;
  activity_id: number;
  rubric_id: number;
  school_id: number;
  group_id: string;
  observer_user_id: number;
  item_key: string;
  score: number;
  note: string;
  updated_at: string;
}

/** An S-T coding of a lesson: one letter per interval (T, S, D; '-' not coded). */
export interface StCodingTable {
  id: Generated<number>;
  school_id: number;
  group_id: string;
  /** The activity it was made in; null: outside any activity. */
  activity_id: number | null;
  coder_user_id: number;
  /** The track it was coded on, the id the research reach takes (added by 20261206_0024; optional on insert). */
  recording_id: ColumnType<number | null, number | null | undefined, number | null>;
  interval_seconds: number;
  codes: string;
  created_at: string;
  updated_at: string;
}

/** The automatic S-T draft from a lesson's audio channels (computed by a worker job). */
export interface StAudioDraftTable {
  id: Generated<number>;
  school_id: number;
  group_id: string;
  status: 'queued' | 'done' | 'unavailable' | 'failed';
  /** Why there is no draft (ST_AUDIO_MONO…), with the Chinese message. */
  reason_code: string | null;
  reason_message: string | null;
  interval_seconds: number;
  /** T, S or '-' (silence) per interval. */
  codes: string | null;
  /** JSON: which channel or track was taken as the teacher's, which as the students', and the levels. */
  detail: string | null;
  requested_at: string;
  computed_at: string | null;
}

/** A class patrol (巡课) record: one patroller's short form on one lesson. */
export interface PatrolTable {
  id: Generated<number>;
  school_id: number;
  county_id: number;
  city_id: number;
  recording_id: number;
  group_id: string;
  teacher_user_id: number | null;
  teacher_name: string;
  subject: string;
  grade: string;
  patrol_day: string;
  patroller_user_id: number;
  /** JSON: { [itemKey]: score } on the patrol form of patrol.form.ts. */
  scores: string;
  total: number;
  note: string;
  created_at: string;
  /** When the patroller last corrected it that day (migration 0026); null: never. */
  updated_at: string | null;
}
