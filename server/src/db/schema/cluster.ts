/** Several API nodes on one database (issue 13): shared generated secrets and scheduled-work leases. Timestamps ISO. */

export interface PlatformSecretTable {
  name: string;
  value: string;
  /** `generated` or `secrets.json`. */
  origin: string;
  created_at: string;
}

export interface ClusterLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}
