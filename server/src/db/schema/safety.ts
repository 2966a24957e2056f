import type { Generated } from 'kysely';

/** 平安校园 (issue 11): checks, hazards and drills. Booleans 0/1, dates YYYY-MM-DD, timestamps ISO. */

export interface SafetySchoolAreaTable {
  school_id: number;
  area: string;
  enabled: number;
  updated_at: string;
}

export interface SafetyCheckTable {
  id: Generated<number>;
  school_id: number;
  checked_on: string;
  /** JSON: [{ area, items: [{ key, ok, note }] }]. */
  results: string;
  problems: number;
  note: string;
  by_user_id: number;
  created_at: string;
}

export interface SafetyHazardTable {
  id: Generated<number>;
  school_id: number;
  check_id: number | null;
  area: string;
  item: string | null;
  title: string;
  description: string;
  level: string;
  responsible_user_id: number;
  deadline: string;
  status: string;
  reported_by_user_id: number;
  rectification_note: string | null;
  rectified_by_user_id: number | null;
  rectified_at: string | null;
  rectified_on: string | null;
  verified_by_user_id: number | null;
  verified_at: string | null;
  escalated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SafetyHazardPhotoTable {
  id: Generated<number>;
  hazard_id: number;
  /** 'report' (as found) or 'rectification'. */
  stage: string;
  storage_key: string;
  mime: string;
  size_bytes: number;
  by_user_id: number;
  created_at: string;
}

export interface SafetyDrillTable {
  id: Generated<number>;
  school_id: number;
  kind: string;
  held_on: string;
  participants: number;
  duration_minutes: number;
  note: string;
  by_user_id: number;
  created_at: string;
}
