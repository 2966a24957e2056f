import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Lesson titles by recording id, in one query (for the audit log's names); kept after deletion only while the row is. */
export async function recordingTitles(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('recordings').select(['id', 'title']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}
