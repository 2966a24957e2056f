import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Stage } from '../../../../shared/resources.js';
import { joinTokens } from './search-tokens.js';

/** 学段 as users type it, so "小学" finds primary-school resources. */
const STAGE_WORDS: Record<Stage, string> = { preschool: '学前 幼儿园', primary: '小学', junior: '初中', senior: '高中' };

/** How much courseware text is indexed per resource: enough for any lesson's slides or handout. */
const BODY_CHARS = 200_000;

/** The index row of a resource: jieba tokens per field group, space-joined. */
export interface SearchEntry {
  title: string;
  meta: string;
  descr: string;
  body: string;
}

/** Tokens of a resource's texts, as reindexResource stores them (the bench builds rows with it too). */
export function searchEntryOf(r: {
  title: string; description: string; tags: readonly string[]; stage: Stage;
  subject: string; grade: string; edition: string; volume: string; unit: string; lesson: string; bodies: readonly string[];
}): SearchEntry {
  let body = '';
  for (const b of r.bodies) {
    if (body.length >= BODY_CHARS) break;
    body += `${b.slice(0, BODY_CHARS - body.length)}\n`;
  }
  return {
    title: joinTokens([r.title], { chars: true }),
    meta: [joinTokens(r.tags, { chars: true }), joinTokens([STAGE_WORDS[r.stage] ?? '', r.subject, r.grade, r.edition, r.volume, r.unit, r.lesson])].filter(Boolean).join(' '),
    descr: joinTokens([r.description]),
    body: joinTokens([body]),
  };
}

function parseTags(tags: string): string[] {
  try {
    const v: unknown = JSON.parse(tags);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** Writes (or replaces) a resource's index row; the tsvector on PostgreSQL is built from the same tokens. */
export async function writeSearchEntry(db: Kysely<Database>, resourceId: number, e: SearchEntry): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`insert into resource_search (resource_id, title, meta, descr, body, tsv)
      values (${resourceId}, ${e.title}, ${e.meta}, ${e.descr}, ${e.body},
        setweight(array_to_tsvector(string_to_array(${e.title}, ' ')), 'A') || setweight(array_to_tsvector(string_to_array(${e.meta}, ' ')), 'B')
        || setweight(array_to_tsvector(string_to_array(${e.descr}, ' ')), 'C') || setweight(array_to_tsvector(string_to_array(${e.body}, ' ')), 'D'))
      on conflict (resource_id) do update set title = excluded.title, meta = excluded.meta, descr = excluded.descr, body = excluded.body, tsv = excluded.tsv`.execute(db);
    return;
  }
  // FTS5 has no upsert: replace the row of this rowid.
  await sql`delete from resource_search where rowid = ${resourceId}`.execute(db);
  await sql`insert into resource_search (rowid, resource_id, title, meta, descr, body) values (${resourceId}, ${resourceId}, ${e.title}, ${e.meta}, ${e.descr}, ${e.body})`.execute(db);
}

/**
 * Brings a resource's entry in the search index up to date with its title, description, tags,
 * taxonomy and courseware text (resource_files.body_text). Called after every change of those
 * (publishing, editing, a courseware text extracted). A resource that no longer exists leaves
 * the index. Who may find it is decided at query time (resourceInScope), not here.
 */
export async function reindexResource(db: Kysely<Database>, resourceId: number): Promise<void> {
  const r = await db.selectFrom('resources')
    .select(['title', 'description', 'tags', 'stage', 'subject', 'grade', 'edition', 'volume', 'unit', 'lesson'])
    .where('id', '=', resourceId).executeTakeFirst();
  if (!r) {
    await sql`delete from resource_search where ${sql.ref(db.getExecutor().adapter instanceof PostgresAdapter ? 'resource_id' : 'rowid')} = ${resourceId}`.execute(db);
    return;
  }
  const files = await db.selectFrom('resource_files').select('body_text').where('resource_id', '=', resourceId).where('body_text', 'is not', null).orderBy('id').execute();
  await writeSearchEntry(db, resourceId, searchEntryOf({ ...r, tags: parseTags(r.tags), bodies: files.map((f) => f.body_text!) }));
}
