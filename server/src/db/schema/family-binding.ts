import type { Generated } from 'kysely';

/** Binding a guardian to a child (issue 11). Conventions: see ../schema.ts. */

/** A class's invitation code (and its QR): lets a parent ask to be bound to a child of that class. */
export interface BindingCodeTable {
  id: Generated<number>;
  class_id: number;
  code: string;
  max_uses: number;
  uses: Generated<number>;
  expires_at: string;
  revoked_at: string | null;
  created_by_user_id: number;
  created_at: string;
}

export type BindingStatus = 'pending' | 'confirmed' | 'rejected';

/** A parent's request to be bound to a child, until the class's staff confirm or reject it. */
export interface BindingRequestTable {
  id: Generated<number>;
  code_id: number;
  class_id: number;
  student_id: number;
  guardian_user_id: number;
  relation: string;
  status: BindingStatus;
  reason: Generated<string>;
  decided_by_user_id: number | null;
  decided_at: string | null;
  created_at: string;
}

/** A failed try to redeem a code (wrong code, name or digits): counted to hold back guessing. */
export interface BindingFailureTable {
  id: Generated<number>;
  user_id: number;
  at: string;
}
