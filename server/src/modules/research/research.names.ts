import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Research activities' topics by id, deleted ones too (for the audit log's names). */
export async function activityTopics(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('research_activities').select(['id', 'topic']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.topic]));
}

/** Research groups' names by id (for the audit log's names). */
export async function groupNames(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('research_groups').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
