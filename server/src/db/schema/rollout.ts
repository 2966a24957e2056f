import type { Generated } from 'kysely';

/** The programme's rollout: batches and targets, deadlines, per-school flags and milestones. Conventions: see ../schema.ts. */

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
