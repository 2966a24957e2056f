import type { Generated } from 'kysely';

/** Teacher–parent messages (家校沟通): conversations, messages, reads, reports, working hours. Conventions: see ../schema.ts. */

export interface FamilyConversationTable {
  id: Generated<number>;
  kind: 'direct' | 'class';
  school_id: number;
  class_id: number;
  /** The child a direct conversation is about; null for a class conversation. */
  student_id: number | null;
  guardian_user_id: number | null;
  /** The class staff member of a direct conversation; null for a class conversation. */
  staff_user_id: number | null;
  created_by: number;
  created_at: string;
  last_message_at: string | null;
}

export interface FamilyMessageTable {
  id: Generated<number>;
  conversation_id: number;
  sender_user_id: number;
  body: string;
  created_at: string;
  hidden_at: string | null;
  hidden_by: number | null;
  hidden_reason: string | null;
}

export interface FamilyMessageReadTable {
  conversation_id: number;
  user_id: number;
  last_read_id: number;
}

export interface FamilyMessageReportTable {
  id: Generated<number>;
  message_id: number;
  school_id: number;
  reporter_user_id: number;
  reason: string;
  created_at: string;
  state: 'open' | 'hidden' | 'dismissed';
  handled_by: number | null;
  handled_at: string | null;
  handled_note: string | null;
}

export interface FamilyWorkingHoursTable {
  user_id: number;
  ranges: string;
  updated_at: string;
}
