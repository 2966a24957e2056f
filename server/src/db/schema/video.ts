import type { Generated } from 'kysely';

/** Recording classrooms, recorders, timetables and alerts; tus uploads and recorded lessons. Conventions: see ../schema.ts. */

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
  /** Unused since the running SHA-256 lives in memory (hashing-file-store.ts); kept, as migrations only go forward. */
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
  /** recordings/counting.ts's CountsReason; null when it counts (or for rows from before the code). */
  counts_reason_code: string | null;
  /** JSON of the numbers the reason names. */
  counts_reason_values: string | null;
  /**
   * The same file was uploaded by another school too: 'copy' on the later recording (it counts for
   * nobody), 'original' on the earlier one; null otherwise. Never names the other recording.
   */
  reuse: 'copy' | 'original' | null;
  /** 1 when the other school of a `reuse` pair is in another county, 0 in the same county. */
  reuse_other_county: number | null;
  /** Share (0–1) of the lesson whose picture was black / frozen, from the keyframe check; null until measured. */
  visual_black_share: number | null;
  visual_frozen_share: number | null;
  visual_checked_at: string | null;
  keep: number;
  /** Where the track's first frame lies on the lesson's clock, ms (cameras that started apart); 0 by default. */
  start_offset_ms: Generated<number>;
  created_at: string;
  ready_at: string | null;
  /** Media shared with other recordings (the demo's clips), instead of `recordings/<id>/`; null for real lessons. */
  media_prefix: string | null;
}
