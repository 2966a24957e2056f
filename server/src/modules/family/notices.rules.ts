import type { Actor, Grant } from '../../access/actor.js';
import { scopeOf, familyReachOf } from '../../access/actor.js';
import { addDays, shanghaiInstant, shanghaiWallClock } from '../../../../shared/dates.js';
import type { SenderReach } from './notices.queries.js';

/** Quiet hours (Asia/Shanghai): no push from 21:30 to 07:00 unless the notice is urgent. */
export const QUIET_FROM = '21:30';
export const QUIET_UNTIL = '07:00';
/** A sender reminds the same notice at most once in this many minutes. */
export const REMIND_INTERVAL_MINUTES = 30;

export function inQuietHours(at: Date): boolean {
  const { hhmm } = shanghaiWallClock(at);
  return hhmm >= QUIET_FROM || hhmm < QUIET_UNTIL;
}

/** When a push asked for at `at` goes: at once, or at 07:00 after the quiet hours it falls in. */
export function pushTime(at: Date, urgent: boolean): Date {
  if (urgent || !inQuietHours(at)) return at;
  const { date, hhmm } = shanghaiWallClock(at);
  return shanghaiInstant(hhmm >= QUIET_FROM ? addDays(date, 1) : date, QUIET_UNTIL);
}

const BUREAU_ROLES: ReadonlySet<Grant['role']> = new Set(['city_admin', 'county_admin', 'dept_staff']);

/** Where a sender's notices may go: class staff their classes, a principal their school, a bureau its schools. */
export function senderReachOf(actor: Pick<Actor, 'userId' | 'grants'>): SenderReach {
  return {
    family: familyReachOf(actor, 'notice:write'),
    bureau: scopeOf({ userId: actor.userId, grants: actor.grants.filter((g) => BUREAU_ROLES.has(g.role)) }, 'notice:write'),
  };
}

export type AudienceKind = 'classes' | 'grades' | 'schools' | 'counties';

/** What a sender may do: which audience kinds, whether they may mark urgent or emergency. */
export function senderPowers(reach: SenderReach) {
  const principal = (reach.family?.schoolIds.length ?? 0) > 0;
  const bureau = reach.bureau !== null;
  const kinds: AudienceKind[] = ['classes'];
  if (principal || bureau) kinds.push('grades', 'schools');
  if (bureau) kinds.push('counties');
  return { kinds, mayUrgent: principal || bureau, mayEmergency: bureau, seesNames: reach.family !== null };
}
