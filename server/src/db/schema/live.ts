import type { Generated } from 'kysely';

/** 互动教学 (issue 12): live classes, sessions, the interaction record and attendance. Dates YYYY-MM-DD, times HH:MM (Asia/Shanghai), timestamps ISO. */

export interface LiveClassTable {
  id: Generated<number>;
  city_id: number;
  county_id: number;
  school_id: number;
  lead_room_id: number;
  lead_teacher_user_id: number;
  title: string;
  subject: string;
  grade: number;
  /** 1 = Monday … 7 = Sunday; null for a one-off on starts_on. */
  weekday: number | null;
  starts_on: string;
  until_on: string | null;
  start_time: string;
  minutes: number;
  status: Generated<string>;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface LiveClassRoomTable {
  live_class_id: number;
  room_id: number;
  school_id: number;
  county_id: number;
  city_id: number;
}

export interface LiveSessionTable {
  id: Generated<number>;
  live_class_id: number;
  day: string;
  starts_at: string;
  ends_at: string;
  /** scheduled | live | ended */
  status: Generated<string>;
  /** webrtc | hls, set when it goes live. */
  mode: string | null;
  /** JSON of the media engine's handles while live. */
  media: string | null;
  started_at: string | null;
  ended_at: string | null;
  replay_recording_id: number | null;
}

export interface LiveEventTable {
  id: Generated<number>;
  session_id: number;
  kind: string;
  room_id: number | null;
  user_id: number | null;
  /** JSON. */
  payload: Generated<string>;
  at: string;
}

export interface LiveAttendanceTable {
  id: Generated<number>;
  session_id: number;
  room_id: number;
  user_id: number;
  joined_at: string;
  left_at: string | null;
}
