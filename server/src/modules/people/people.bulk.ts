import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Bulk creation of school staff accounts for imports. The writer takes the caller's transaction,
 * so the accounts and their roles land together or not at all.
 */

const KEYS_PER_QUERY = 5_000;
// users has 10 columns: 500 rows stay far below both databases' bound-parameter limits.
const ROWS_PER_INSERT = 500;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Which of these usernames are taken, compared without case (answered in lower case): `Zhang.Li`
 * and `zhang.li` would be two accounts a person cannot tell apart.
 */
export async function takenUsernames(db: Kysely<Database>, usernames: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  const lower = [...new Set(usernames.map((u) => u.toLowerCase()))];
  for (const part of chunked(lower, KEYS_PER_QUERY)) {
    const rows = await db.selectFrom('users').select('username').where(sql<string>`lower(username)`, 'in', part).execute();
    for (const r of rows) taken.add(r.username.toLowerCase());
  }
  return taken;
}

export interface NewStaff {
  username: string;
  name: string;
  phone: string | null;
  passwordHash: string;
  role: 'principal' | 'teacher';
  cityId: number;
  countyId: number;
  schoolId: number;
}

/** Creates staff accounts, each with one school-scoped role; answers how many. */
export async function insertStaff(trx: Kysely<Database>, staff: readonly NewStaff[], now: string): Promise<number> {
  for (const part of chunked(staff, ROWS_PER_INSERT)) {
    const users = await trx
      .insertInto('users')
      .values(part.map((s) => ({
        username: s.username, name: s.name, phone: s.phone, password_hash: s.passwordHash, kind: 'staff' as const,
        disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now,
      })))
      .returning(['id', 'username'])
      .execute();
    // Matched back by username, not by position: neither database promises RETURNING's row order.
    const idOf = new Map(users.map((u) => [u.username, u.id]));
    await trx
      .insertInto('role_assignments')
      .values(part.map((s) => ({
        user_id: idOf.get(s.username) as number, role: s.role, department: null,
        city_id: s.cityId, county_id: s.countyId, school_id: s.schoolId, created_at: now,
      })))
      .execute();
  }
  return staff.length;
}
