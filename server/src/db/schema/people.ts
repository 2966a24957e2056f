import type { Generated, Selectable } from 'kysely';

/** Accounts, their role assignments and sessions; students and their guardians. Conventions: see ../schema.ts. */

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

/** Who teaches which class (issue 11): 班主任 ('head') or 任课教师 ('subject'). */
export interface ClassStaffTable {
  class_id: number;
  user_id: number;
  duty: 'head' | 'subject';
  subject: string;
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

export type User = Selectable<UserTable>;
