/**
 * The resource search index (issue 10), one row per resource, keyed by its id: jieba tokens,
 * space-joined, per field group — the title (with its single Han characters), tags and taxonomy
 * (with the tags' characters), the description, and the courseware's body text. SQLite keeps it
 * in an FTS5 table (rowid = resource_id as well), PostgreSQL in a table with a weighted tsvector
 * (title A, tags/taxonomy B, description C, body D) under a GIN index; see search.queries.ts.
 */
export interface ResourceSearchTable {
  resource_id: number;
  title: string;
  meta: string;
  descr: string;
  body: string;
}
