import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Recording rooms' names by id, in one query (for the audit log's names). */
export async function roomNames(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('rooms').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
