import type { Generated } from 'kysely';

/** 园所直播 (issue 12): a kindergarten's live-view rooms, their weekly windows and every parent's view. Times HH:MM (Asia/Shanghai), timestamps ISO. */

export type LiveKgPurpose = 'activity' | 'classroom' | 'playground';

export interface LiveKgRoomTable {
  id: Generated<number>;
  city_id: number;
  county_id: number;
  school_id: number;
  /** The class whose parents may watch. */
  class_id: number;
  name: string;
  /** The recording room whose recorder or camera streams this room's picture (null: none bound yet). */
  room_id: number | null;
  purpose: LiveKgPurpose;
  /** Viewers at once at most. */
  cap: number;
  enabled: number;
  created_by: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface LiveKgWindowTable {
  id: Generated<number>;
  kg_room_id: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  from_time: string;
  to_time: string;
}

export interface LiveKgViewTable {
  id: Generated<number>;
  kg_room_id: number;
  school_id: number;
  class_id: number;
  student_id: number;
  user_id: number;
  token_hash: string;
  started_at: string;
  last_seen_at: string;
  ended_at: string | null;
  seconds: number | null;
  /** ended | timeout | window_closed | replaced */
  end_reason: string | null;
}
