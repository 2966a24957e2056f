import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function insertSession(db: Kysely<Database>, row: {
  token_hash: string; user_id: number; csrf_token: string; created_at: string; last_seen_at: string;
  expires_at: string; ip: string; user_agent: string;
}) {
  return db.insertInto('sessions').values(row).execute();
}

/**
 * A session with its account and role assignments, in one read (a row per assignment): this runs
 * on every authenticated request.
 */
export function findSessionWithUser(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('role_assignments as ra', 'ra.user_id', 'users.id')
    .select([
      'sessions.id as sessionId', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at',
      'users.id as userId', 'users.username', 'users.name', 'users.kind', 'users.disabled',
      'ra.id as assignmentId', 'ra.role', 'ra.department', 'ra.city_id', 'ra.county_id', 'ra.school_id',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .orderBy('ra.id')
    .execute();
}

export function touchSession(db: Kysely<Database>, sessionId: number, at: string) {
  return db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export function deleteSession(db: Kysely<Database>, sessionId: number) {
  return db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export function deleteSessionsOfUser(db: Kysely<Database>, userId: number) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function deleteExpiredSessions(db: Kysely<Database>, idleBefore: string, now: string) {
  return db.deleteFrom('sessions').where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('expires_at', '<', now)])).execute();
}

export function findUserForLogin(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'name', 'password_hash', 'disabled', 'failed_logins', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export function recordLoginFailure(db: Kysely<Database>, userId: number, failedLogins: number, lockedUntil: string | null) {
  return db.updateTable('users').set({ failed_logins: failedLogins, locked_until: lockedUntil }).where('id', '=', userId).execute();
}

export function clearLoginFailures(db: Kysely<Database>, userId: number) {
  return db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

/** Display names of the nodes a person's assignments point at. */
export function findAssignmentViews(db: Kysely<Database>, userIds: number[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .selectFrom('role_assignments as ra')
    .leftJoin('regions as city', 'city.id', 'ra.city_id')
    .leftJoin('regions as county', 'county.id', 'ra.county_id')
    .leftJoin('schools as school', 'school.id', 'ra.school_id')
    .select([
      'ra.id', 'ra.user_id', 'ra.role', 'ra.department', 'ra.city_id', 'ra.county_id', 'ra.school_id',
      'city.name as city_name', 'county.name as county_name', 'school.name as school_name',
    ])
    .where('ra.user_id', 'in', userIds)
    .orderBy('ra.id')
    .execute();
}
