import type { Generated } from 'kysely';

/** 家校通知 (issue 11): a notice from a teacher, a principal or a bureau to families (and, in an emergency, school staff). */
export interface NoticeTable {
  id: Generated<number>;
  sender_user_id: number;
  sender_name: string;
  title: string;
  body: string;
  must_confirm: number;
  /** Pushed at once even in quiet hours (principal or bureau only). */
  urgent: number;
  /** A bureau's emergency notice (安全应急): urgent, and to the schools' staff too. */
  emergency: number;
  include_staff: number;
  audience_kind: 'classes' | 'grades' | 'schools' | 'counties';
  /** JSON array of the chosen ids. */
  audience_ids: string;
  audience_label: string;
  /** Deliveries made (guardians and staff). */
  recipients: number;
  created_at: string;
  push_due_at: string;
  pushed_at: string | null;
  reminded_at: string | null;
}

export interface NoticeClassTable {
  notice_id: number;
  class_id: number;
}

/** One per person per notice: never two to a guardian of two children. */
export interface NoticeDeliveryTable {
  notice_id: number;
  user_id: number;
  staff: number;
  read_at: string | null;
  confirmed_at: string | null;
}

/** The children that put a guardian in a notice's audience. */
export interface NoticeDeliveryChildTable {
  notice_id: number;
  user_id: number;
  student_id: number;
  class_id: number;
  label: string;
  relation: string;
}

export interface NoticeAttachmentTable {
  id: Generated<number>;
  notice_id: number | null;
  uploaded_by_user_id: number;
  name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  created_at: string;
}
