import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types for Kysely. Conventions that hold on SQLite and PostgreSQL alike:
 * booleans are integers 0/1, timestamps are ISO-8601 UTC text (`toISOString()`, so text order is
 * time order), dates are `YYYY-MM-DD` text.
 */
export interface Database {
  regions: RegionTable;
  departments: DepartmentTable;
  schools: SchoolTable;
  grades: GradeTable;
  classes: ClassTable;
  users: UserTable;
  role_assignments: RoleAssignmentTable;
  students: StudentTable;
  guardianships: GuardianshipTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
  audit_anchor: AuditAnchorTable;
  rooms: RoomTable;
  devices: DeviceTable;
  room_timetable: RoomTimetableTable;
  room_alerts: RoomAlertTable;
  uploads: UploadTable;
  recordings: RecordingTable;
  jobs: JobTable;
  school_terms: SchoolTermTable;
  calendar_overrides: CalendarOverrideTable;
  quota_rules: QuotaRuleTable;
  compliance_tracking: ComplianceTrackingTable;
  compliance_days: ComplianceDayTable;
  compliance_county_days: ComplianceCountyDayTable;
  rollout_batches: RolloutBatchTable;
  rollout_batch_targets: RolloutBatchTargetTable;
  rollout_deadlines: RolloutDeadlineTable;
  rollout_schools: RolloutSchoolTable;
  rollout_milestones: RolloutMilestoneTable;
  report_settings: ReportSettingsTable;
  reports: ReportTable;
  report_events: ReportEventTable;
  inspections: InspectionTable;
  inspection_follow_ups: InspectionFollowUpTable;
  notifications: NotificationTable;
  bulletins: BulletinTable;
  bulletin_subjects: BulletinSubjectTable;
}

export interface RegionTable {
  id: Generated<number>;
  /** GB/T 2260 code, six digits. */
  code: string;
  name: string;
  level: 'city' | 'county';
  parent_id: number | null;
  /** The city bureau's or county bureau's own name (聊城市教育局). */
  bureau_name: string;
}

export interface DepartmentTable {
  id: Generated<number>;
  region_id: number;
  kind: 'research' | 'edtech' | 'preschool';
  name: string;
}

export interface SchoolTable {
  id: Generated<number>;
  /** 10-digit school identification code (学校标识码). */
  code: string;
  name: string;
  kind: 'kindergarten' | 'primary' | 'junior' | 'nine_year' | 'senior';
  /** The county the school belongs to. */
  county_id: number;
  /** Denormalised from the county so that city-scoped filters need no join. */
  city_id: number;
  township: string;
  locality: 'urban' | 'rural';
  poor_village: number;
  student_count: number;
  staff_count: number;
  address: string;
  contact_name: string;
  contact_phone: string;
  /** Rollout batch of the programme (`2018-08`, `2019-02`), null when not in the programme. */
  batch: string | null;
  created_at: string;
  updated_at: string;
}

export interface GradeTable {
  id: Generated<number>;
  school_id: number;
  name: string;
  /** 1–12 for primary to senior, -3..-1 for kindergarten 小班/中班/大班. */
  level: number;
}

export interface ClassTable {
  id: Generated<number>;
  school_id: number;
  grade_id: number;
  name: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  name: string;
  phone: string | null;
  password_hash: string;
  kind: 'staff' | 'guardian';
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  department: 'research' | 'edtech' | 'preschool' | null;
  /** The scope, from the top: city, county, school. Lower levels are null when the scope is higher. */
  city_id: number | null;
  county_id: number | null;
  school_id: number | null;
  created_at: string;
}

export interface StudentTable {
  id: Generated<number>;
  school_id: number;
  class_id: number;
  name: string;
  gender: 'm' | 'f';
  birth_date: string;
  student_no: string;
}

export interface GuardianshipTable {
  user_id: number;
  student_id: number;
  relation: string;
}

export interface SessionTable {
  id: Generated<number>;
  /** SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** ISO-8601 with zone designator (UTC `Z`). */
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  result: 'success' | 'failure' | 'denied';
  ip: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** One row: the hash of the newest audit row, locked while a row is appended. */
export interface AuditChainTable {
  id: number;
  last_hash: string;
  last_id: number;
}

/** Left by each retention purge: the first row kept and the hash it must chain from. */
export interface AuditAnchorTable {
  id: Generated<number>;
  first_id: number;
  /** Hash of the last purged row, i.e. the prev_hash the row `first_id` must carry. */
  prev_hash: string;
  /** The `audit.purge` row recording this purge, whose detail repeats the anchor inside the chain. */
  purge_row_id: number;
  purged_rows: number;
  cutoff: string;
  purged_at: string;
}

export type School = Selectable<SchoolTable>;
export type NewSchool = Insertable<SchoolTable>;
export type User = Selectable<UserTable>;
export type Region = Selectable<RegionTable>;

/** A recording classroom (录播室) and its lifecycle. */
export interface RoomTable {
  id: Generated<number>;
  school_id: number;
  county_id: number;
  city_id: number;
  name: string;
  location: string;
  vendor: string;
  model: string;
  /** JSON array of the tracks the room produces: composite, teacher, students, blackboard, screen. */
  tracks: string;
  status: 'planned' | 'installed' | 'activated' | 'in_use';
  planned_on: string | null;
  installed_on: string | null;
  activated_on: string | null;
  in_use_on: string | null;
  created_at: string;
  updated_at: string;
}

/** A recorder (录播主机) and its device token (stored hashed). */
export interface DeviceTable {
  id: Generated<number>;
  room_id: number;
  school_id: number;
  name: string;
  serial: string;
  token_hash: string;
  /** Last four characters of the token, to tell tokens apart in the UI. */
  token_hint: string;
  created_at: string;
  rotated_at: string | null;
  revoked_at: string | null;
  last_heartbeat_at: string | null;
  last_state: 'recording' | 'idle' | null;
  disk_free_bytes: number | null;
  firmware: string | null;
  last_ip: string | null;
}

export interface RoomTimetableTable {
  id: Generated<number>;
  room_id: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local (Asia/Shanghai) time, HH:MM. */
  starts_at: string;
  ends_at: string;
  subject: string;
  grade: string;
  class_id: number | null;
  teacher_name: string;
}

export interface RoomAlertTable {
  id: Generated<number>;
  school_id: number;
  county_id: number;
  city_id: number;
  room_id: number;
  kind: 'offline_before_lesson' | 'disk_low';
  lesson_start: string | null;
  message: string;
  created_at: string;
  resolved_at: string | null;
}

/** A tus upload in progress (the bytes live in the upload store until complete). */
export interface UploadTable {
  id: string;
  owner_user_id: number | null;
  owner_device_id: number | null;
  school_id: number;
  size: number;
  received_bytes: number;
  /** Unused since the running SHA-256 lives in memory (hashing-file-store.ts); kept, as migrations only go forward. */
  hash_state: string | null;
  hashed_bytes: number;
  /** JSON of the tus Upload-Metadata, decoded. */
  metadata: string;
  status: 'uploading' | 'complete' | 'expired' | 'failed';
  created_at: string;
  updated_at: string;
  expires_at: string;
  recording_id: number | null;
  /** Why a failed upload failed (UPLOAD_SHA256_MISMATCH…), and the Chinese message for the uploader. */
  failure_code: string | null;
  failure_message: string | null;
}

/** A recorded lesson's track (录像). Tracks of one lesson share group_id. */
export interface RecordingTable {
  id: Generated<number>;
  school_id: number;
  county_id: number;
  city_id: number;
  room_id: number | null;
  group_id: string;
  track: 'composite' | 'teacher' | 'students' | 'blackboard' | 'screen';
  title: string;
  subject: string;
  grade: string;
  class_id: number | null;
  teacher_user_id: number | null;
  teacher_name: string;
  lesson_start: string;
  lesson_end: string | null;
  /** The school day (Asia/Shanghai date of lesson_start), YYYY-MM-DD. */
  school_day: string;
  uploaded_by_user_id: number | null;
  uploaded_by_device_id: number | null;
  sha256: string;
  size_bytes: number;
  source_key: string;
  status: 'queued' | 'processing' | 'ready' | 'failed';
  progress: number;
  failure_code: string | null;
  failure_message: string | null;
  duration_seconds: number | null;
  /** JSON of the probe result. */
  media_info: string | null;
  packaging: 'copy' | 'transcode' | null;
  /** JSON array of the HLS renditions written. */
  renditions: string | null;
  has_audio: number | null;
  audio_max_db: number | null;
  /** 1 when this recording counts as a recorded lesson for the quota (see recordings/counting.ts). */
  counts: number;
  counts_reason: string | null;
  /** recordings/counting.ts's CountsReason; null when it counts (or for rows from before the code). */
  counts_reason_code: string | null;
  /** JSON of the numbers the reason names. */
  counts_reason_values: string | null;
  keep: number;
  created_at: string;
  ready_at: string | null;
}

/** The durable job queue. */
export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  /** Runs that ended without an outcome (runner killed, lease lost); not counted against max_attempts. */
  lost_runs: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** A school term (学期) of a city, or a county's own dates for a term of the same name. */
export interface SchoolTermTable {
  id: Generated<number>;
  /** 'city:<id>' or 'county:<id>'. */
  scope_key: string;
  city_id: number;
  county_id: number | null;
  name: string;
  starts_on: string;
  ends_on: string;
  created_at: string;
}

/**
 * A day that differs from the national holiday dataset: a city's correction or import, or a
 * county's or school's exception (exam day, closure, a school's own holiday, an extra school day).
 */
export interface CalendarOverrideTable {
  id: Generated<number>;
  /** 'city:<id>', 'county:<id>' or 'school:<id>'. */
  scope_key: string;
  level: 'city' | 'county' | 'school';
  city_id: number;
  county_id: number | null;
  school_id: number | null;
  day: string;
  /** holiday: no lessons that day; workday: a school day. */
  kind: 'holiday' | 'workday';
  name: string;
  created_by_user_id: number | null;
  created_at: string;
}

/** Minimum counted lessons per school day, by scope and school kind, from a date (null: every kind). */
export interface QuotaRuleTable {
  id: Generated<number>;
  city_id: number;
  county_id: number | null;
  school_kind: 'kindergarten' | 'primary' | 'junior' | 'nine_year' | 'senior' | null;
  min_lessons: number;
  effective_from: string;
  effective_to: string | null;
  created_at: string;
}

/** Schools whose compliance is computed, from the day their recording is expected. */
export interface ComplianceTrackingTable {
  school_id: number;
  county_id: number;
  city_id: number;
  since: string;
  created_at: string;
}

/** The per-school-per-day compliance rollup (see compliance/compliance.recompute.ts). */
export interface ComplianceDayTable {
  school_id: number;
  county_id: number;
  city_id: number;
  school_kind: 'kindergarten' | 'primary' | 'junior' | 'nine_year' | 'senior';
  day: string;
  school_day: number;
  /** The quota that day (0 on a day without school). */
  required: number;
  /** Distinct lessons counted by the recordings' `counts` field. */
  counted: number;
  met: number;
  /** Why the day is or is not a school day (calendar/school-day.ts DayReason). */
  reason: string;
  /** The holiday's or exception's name, when there is one. */
  reason_name: string | null;
  computed_at: string;
}

/** Totals of compliance_days per county, kind of school and day, kept with it. */
export interface ComplianceCountyDayTable {
  day: string;
  county_id: number;
  school_kind: 'kindergarten' | 'primary' | 'junior' | 'nine_year' | 'senior';
  city_id: number;
  /** Tracked schools for which the day was a school day. */
  school_days: number;
  met_days: number;
}

/** A supervision visit (督导检查) by county (or city) staff to a school. */
export interface InspectionTable {
  id: Generated<number>;
  school_id: number;
  county_id: number;
  city_id: number;
  visited_on: string;
  /** The inspectors' names as written on the visit record. */
  inspectors: string;
  /** JSON array of { item, ok, note } (inspections.schema.ts). */
  items: string;
  findings: string;
  rating: 'excellent' | 'good' | 'fair' | 'poor';
  created_by_user_id: number;
  created_at: string;
}

/** Something a visit asks the school to put right (整改), by a due date. */
export interface InspectionFollowUpTable {
  id: Generated<number>;
  inspection_id: number;
  school_id: number;
  county_id: number;
  city_id: number;
  description: string;
  due_on: string;
  status: 'open' | 'rectified' | 'verified';
  /** The school's account of its rectification (整改说明). */
  rectification_note: string | null;
  rectified_at: string | null;
  rectified_by_user_id: number | null;
  /** The inspectors' comment when they verify or reopen it. */
  review_comment: string | null;
  verified_at: string | null;
  verified_by_user_id: number | null;
  created_at: string;
  updated_at: string;
}

/** One message in a person's inbox inside the platform. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  /** quota_reminder, daily_digest, report_*, follow_up_*, bulletin … */
  kind: string;
  title: string;
  body: string;
  /** A path inside the web app, e.g. /inspections/12. */
  link: string | null;
  /** Unique per user when set: a generator's second run inserts nothing. */
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}

/** A bulletin (通报) of the city bureau: a notice, a commendation (表彰) or a criticism (批评). */
export interface BulletinTable {
  id: Generated<number>;
  city_id: number;
  kind: 'notice' | 'commendation' | 'criticism';
  title: string;
  body: string;
  issued_on: string;
  status: 'draft' | 'published';
  created_by_user_id: number;
  created_at: string;
  published_at: string | null;
}

/** A school or county a bulletin names. */
export interface BulletinSubjectTable {
  bulletin_id: number;
  /** 'school:<id>' or 'county:<id>'. */
  subject_key: string;
  school_id: number | null;
  county_id: number;
}

/** A city's choice of reporting period; a city without a row reports monthly. */
export interface ReportSettingsTable {
  city_id: number;
  period: 'weekly' | 'monthly';
  updated_by_user_id: number | null;
  updated_at: string;
}

/** A county department's periodic report (上报) to the city bureau. */
export interface ReportTable {
  id: Generated<number>;
  city_id: number;
  county_id: number;
  department: 'research' | 'edtech' | 'preschool';
  period: 'weekly' | 'monthly';
  period_start: string;
  period_end: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  /** JSON snapshot of the pre-filled figures (reports/reports.figures.ts ReportFigures). */
  figures: string;
  figures_at: string;
  /** 工作进展 */
  progress: string;
  /** 存在问题 */
  problems: string;
  /** 下步计划 */
  next_steps: string;
  created_by_user_id: number;
  submitted_by_user_id: number | null;
  submitted_at: string | null;
  reviewed_by_user_id: number | null;
  reviewed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One step of a report's life, kept forever: created, submitted, returned, approved. */
export interface ReportEventTable {
  id: Generated<number>;
  report_id: number;
  action: 'create' | 'submit' | 'return' | 'approve';
  from_status: ReportTable['status'] | null;
  to_status: ReportTable['status'];
  actor_user_id: number;
  actor_name: string;
  comment: string;
  at: string;
}

/** A rollout batch (批次) of a city: a due date and targets per school group. */
export interface RolloutBatchTable {
  id: Generated<number>;
  city_id: number;
  /** `2018-08`, matching `schools.batch`. */
  code: string;
  name: string;
  due_on: string;
  target_kindergarten: number;
  target_primary_junior: number;
  created_at: string;
  updated_at: string;
}

/** A batch's target for one county and school group. */
export interface RolloutBatchTargetTable {
  batch_id: number;
  county_id: number;
  school_group: 'kindergarten' | 'primaryAndJunior';
  target: number;
}

/** A deadline the city set: by `due_on`, the schools it applies to must have reached `requires`. */
export interface RolloutDeadlineTable {
  id: Generated<number>;
  city_id: number;
  name: string;
  due_on: string;
  /** built: schools whose programme was already built when the deadline was set; new: the rest. */
  applies_to: 'built' | 'new';
  /** Only schools of this batch; null for every batch. */
  batch_code: string | null;
  /** JSON array of milestones and 'named_person'. */
  requires: string;
  created_at: string;
}

/** What the rollout adds to a programme school: whether it was already built, its named person. */
export interface RolloutSchoolTable {
  school_id: number;
  county_id: number;
  city_id: number;
  /** 1 when the school's programme was already built when the deadlines were set (set by seed or import). */
  built: number;
  named_user_id: number | null;
  /** The day the named person took the school on (YYYY-MM-DD). */
  named_since: string | null;
  named_by_user_id: number | null;
  updated_at: string;
}

/** One milestone of one school: planned and done dates, evidence, who recorded it. */
export interface RolloutMilestoneTable {
  school_id: number;
  milestone: 'registered' | 'installed' | 'activated' | 'in_regular_use';
  county_id: number;
  city_id: number;
  planned_on: string | null;
  done_on: string | null;
  evidence_note: string | null;
  /** A web link or an attachment's object key. */
  evidence_link: string | null;
  recorded_by_user_id: number | null;
  recorded_at: string | null;
}
