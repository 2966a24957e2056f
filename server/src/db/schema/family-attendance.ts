import type { Generated } from 'kysely';

/** Morning attendance and leave (issue 11): see migration 20261206_0045_family_attendance. */
export type AttendanceStatus = 'present' | 'late' | 'absent';

export interface AttendanceDayTable {
  student_id: number;
  day: string;
  school_id: number;
  class_id: number;
  status: AttendanceStatus;
  arrived_at: string | null;
  left_at: string | null;
  source: 'teacher' | 'gate' | 'import';
  marked_by: number | null;
  updated_at: string;
}

export interface LeaveRequestTable {
  id: Generated<number>;
  student_id: number;
  class_id: number;
  school_id: number;
  from_day: string;
  to_day: string;
  part: 'whole' | 'am' | 'pm';
  reason: 'sick' | 'personal';
  note: string;
  status: 'pending' | 'approved' | 'declined' | 'withdrawn';
  requested_by: number;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
}

export interface AttendanceSettingsTable {
  school_id: number;
  alert_at: string;
  late_after: string;
  updated_by: number;
  updated_at: string;
}

export interface AttendanceAlertRunTable {
  school_id: number;
  day: string;
  alerted: number;
  ran_at: string;
}

export interface AttendanceGateTable {
  id: Generated<number>;
  school_id: number;
  name: string;
  token_hash: string;
  token_hint: string;
  created_by: number;
  created_at: string;
  revoked_at: string | null;
}
