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
  /** Serialised SHA-256 state after `hashed_bytes` bytes, so hashing resumes with the upload. */
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
