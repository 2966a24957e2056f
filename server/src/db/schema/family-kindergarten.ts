import type { Generated } from 'kysely';

/**
 * Kindergarten care: pick-up persons and one-off authorisations, arrival / pick-up / refusal logs,
 * 晨检 and entrusted medication. Conventions: see ../schema.ts (0/1 booleans, ISO text times,
 * YYYY-MM-DD days in Asia/Shanghai).
 */
export interface PickupPersonTable {
  id: Generated<number>;
  student_id: number;
  name: string;
  relation: string;
  phone: string;
  id_last4: string | null;
  birth_date: string | null;
  photo_key: string | null;
  photo_type: string | null;
  active: number;
  created_by_user_id: number;
  created_at: string;
  disabled_at: string | null;
}

export interface PickupOneOffTable {
  id: Generated<number>;
  student_id: number;
  day: string;
  name: string;
  relation: string;
  phone: string;
  photo_key: string | null;
  photo_type: string | null;
  created_by_user_id: number;
  created_at: string;
  used_at: string | null;
  cancelled_at: string | null;
}

export interface KindergartenArrivalTable {
  id: Generated<number>;
  student_id: number;
  class_id: number;
  day: string;
  arrived_at: string;
  brought_by: string;
  recorded_by_user_id: number;
}

export interface KindergartenPickupTable {
  id: Generated<number>;
  student_id: number;
  class_id: number;
  day: string;
  picked_at: string;
  person_id: number | null;
  one_off_id: number | null;
  person_name: string;
  person_relation: string;
  recorded_by_user_id: number;
}

export interface PickupRefusalTable {
  id: Generated<number>;
  student_id: number;
  class_id: number;
  day: string;
  at: string;
  person_name: string;
  person_phone: string;
  reason: string;
  recorded_by_user_id: number;
}

export interface HealthCheckTable {
  id: Generated<number>;
  student_id: number;
  class_id: number;
  day: string;
  temperature_tenths: number;
  mouth_ok: number;
  hands_ok: number;
  skin_ok: number;
  status: 'normal' | 'attention' | 'sent_home';
  note: string;
  checked_by_user_id: number;
  checked_at: string;
}

export interface MedicationTable {
  id: Generated<number>;
  student_id: number;
  name: string;
  dose: string;
  times: string;
  from_day: string;
  to_day: string;
  note: string;
  photo_key: string | null;
  photo_type: string | null;
  created_by_user_id: number;
  created_at: string;
  cancelled_at: string | null;
}

export interface MedicationDoseTable {
  id: Generated<number>;
  medication_id: number;
  day: string;
  given_at: string;
  given_by_user_id: number;
  note: string;
}
