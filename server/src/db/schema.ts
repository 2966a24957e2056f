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
