import type { Generated } from 'kysely';

/** The campus routine of the family app: class timetables and homework. Conventions: see ../schema.ts. */

export interface ClassTimetableTable {
  id: Generated<number>;
  class_id: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  period: number;
  /** Asia/Shanghai HH:MM. */
  starts_at: string;
  ends_at: string;
  subject: string;
  teacher_name: string;
  updated_by_user_id: number | null;
  updated_at: string;
}

export interface HomeworkTable {
  id: Generated<number>;
  class_id: number;
  school_id: number;
  county_id: number;
  city_id: number;
  grade_level: number;
  subject: string;
  content: string;
  kind: 'written' | 'oral' | 'practice';
  minutes: number;
  assigned_on: string;
  due_on: string;
  warning: string | null;
  created_by_user_id: number | null;
  created_at: string;
}
