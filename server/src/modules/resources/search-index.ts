import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Brings a resource's entry in the search index up to date with its title, description, tags,
 * taxonomy and courseware text. Called after every change of those (publishing, editing, a
 * courseware text extracted). The index itself (FTS5 on SQLite, tsvector on PostgreSQL, over
 * jieba tokens) is built by the search area; until then this keeps nothing.
 */
export async function reindexResource(_db: Kysely<Database>, _resourceId: number): Promise<void> {}
