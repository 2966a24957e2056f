import type { Actor } from '../access/actor.js';

/**
 * What the http hooks call, passed in by the composition root (app.ts), so http/ — infrastructure —
 * imports no domain module: the audit log records refusals, auth turns a session token into an actor.
 */
export interface AccessAuditRecord {
  actor: { userId: number; name: string } | null;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  result: 'denied';
  ip: string;
  detail?: Record<string, unknown>;
}

export interface AuditPort {
  record(entry: AccessAuditRecord): Promise<void>;
}

export interface SessionPort {
  actorFromToken(token: string): Promise<Actor | null>;
}
