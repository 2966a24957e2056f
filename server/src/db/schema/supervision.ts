import type { Generated } from 'kysely';

/** Supervision work: visits and follow-ups, inboxes, bulletins, and the county departments' reports. Conventions: see ../schema.ts. */

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
