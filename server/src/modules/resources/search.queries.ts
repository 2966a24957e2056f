import { type Expression, type Kysely, PostgresAdapter, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FeatureLevel, ResourceKind, ResourceScope, Stage } from '../../../../shared/resources.js';
import type { QueryPlan } from './search-tokens.js';

/**
 * Resource search in SQL, the same statement shape on SQLite (FTS5 MATCH) and PostgreSQL
 * (tsvector @@ tsquery, GIN). The index only finds the candidates (every word in some field); the
 * order is one portable score both databases compute alike, so the same query gives the same
 * order on both (bm25 and ts_rank_cd would not): per query word, the best field holding it —
 * title 8, tags/taxonomy 4, description 2, body text 1 — summed, plus 16 when the title contains
 * the query as typed; ties: the newer resource (higher id) first. The caller's scope is a
 * predicate of the same statement (resourceInScope / publicResource), and so is every filter.
 */
type Db = Kysely<Database>;

export const FIELD_WEIGHTS = { title: 8, meta: 4, descr: 2, body: 1 } as const;
export const TITLE_PHRASE_BONUS = 16;

export interface SearchFilters {
  stage?: Stage;
  subject?: string;
  grade?: string;
  kind?: ResourceKind;
  feature?: FeatureLevel;
  scope?: ResourceScope;
}

export interface SearchHitRow {
  id: number;
  kind: ResourceKind;
  title: string;
  description: string;
  stage: Stage;
  subject: string;
  grade: string;
  edition: string;
  volume: string;
  unit: string;
  lesson: string;
  tags: string;
  feature: FeatureLevel | null;
  visible_scope: ResourceScope | null;
  review_stage: string;
  score: number;
}

const isPg = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Position of a needle in a text: instr on SQLite, strpos on PostgreSQL (both exact, case-sensitive). */
function contains(pg: boolean, haystack: ReturnType<typeof sql>, needle: string) {
  return pg ? sql`strpos(${haystack}, ${needle}) > 0` : sql`instr(${haystack}, ${needle}) > 0`;
}

const ftsWord = (w: string) => `"${w}"`;

/**
 * "This word is a token of this field": on PostgreSQL a look at the row's own short token columns;
 * on SQLite a probe of the FTS5 index with a column filter (the set is built once per statement),
 * because reading FTS5's stored text for every hit costs far more. Same tokens, same answer.
 */
function inField(pg: boolean, field: 'title' | 'meta' | 'descr', w: string) {
  if (pg) return contains(pg, sql`(' ' || ${sql.ref(`resource_search.${field}`)} || ' ')`, ` ${w} `);
  return sql`resource_search.rowid in (select rowid from resource_search where resource_search match ${`{${field}} : ${ftsWord(w)}`})`;
}

function scoreOf(pg: boolean, plan: QueryPlan) {
  const perWord = plan.words.map((w) => sql`(case
    when ${inField(pg, 'title', w)} then ${sql.lit(FIELD_WEIGHTS.title)}
    when ${inField(pg, 'meta', w)} then ${sql.lit(FIELD_WEIGHTS.meta)}
    when ${inField(pg, 'descr', w)} then ${sql.lit(FIELD_WEIGHTS.descr)}
    else ${sql.lit(FIELD_WEIGHTS.body)} end)`);
  const phrase = plan.text.replace(/\s+/gu, '');
  const bonus = sql`(case when ${contains(pg, sql`resources.title`, phrase)} then ${sql.lit(TITLE_PHRASE_BONUS)} else 0 end)`;
  return sql<number>`(${sql.join([...perWord, bonus], sql` + `)})`;
}

/** The index predicate: every word of the plan in some field of the resource's row. */
function matches(pg: boolean, plan: QueryPlan) {
  if (pg) {
    // Words are runs of letters and digits (search-tokens.ts), so quoting them needs no escaping.
    const query = plan.words.map((w) => `'${w}'`).join(' & ');
    return sql<SqlBool>`resource_search.tsv @@ ${query}::tsquery`;
  }
  return sql<SqlBool>`resource_search match ${plan.words.map(ftsWord).join(' AND ')}`;
}

function base(db: Db, plan: QueryPlan, scope: Expression<SqlBool>, f: SearchFilters) {
  const pg = isPg(db);
  // CROSS JOIN: SQLite then walks the index's hits and looks each resource up by key, rather than
  // scanning resources through the scope's OR of indexes and probing the index for every one.
  let q = db.selectFrom('resource_search')
    .crossJoin('resources')
    .where(pg ? sql<SqlBool>`resources.id = resource_search.resource_id` : sql<SqlBool>`resources.id = resource_search.rowid`)
    .where(matches(pg, plan))
    .where(scope);
  if (plan.titleSubstring !== null) q = q.where(contains(pg, sql`resources.title`, plan.titleSubstring) as never);
  if (f.stage) q = q.where('resources.stage', '=', f.stage);
  if (f.subject) q = q.where('resources.subject', '=', f.subject);
  if (f.grade) q = q.where('resources.grade', '=', f.grade);
  if (f.kind) q = q.where('resources.kind', '=', f.kind);
  if (f.feature) q = q.where('resources.feature', '=', f.feature);
  if (f.scope) q = q.where('resources.visible_scope', '=', f.scope);
  return { q, pg };
}

/**
 * One page of hits, best first, inside the scope, with the number of all hits (a window count:
 * the hits are read once for both; only id and score are carried through the sort, the page's
 * resources are read after). A page past the end has no rows, so no total: total null.
 */
export async function searchPage(
  db: Db, plan: QueryPlan, scope: Expression<SqlBool>, f: SearchFilters, page: { limit: number; offset: number },
): Promise<{ rows: SearchHitRow[]; total: number | null }> {
  const { q, pg } = base(db, plan, scope, f);
  const ranked = await q.select(['resources.id', scoreOf(pg, plan).as('score'), sql<number>`count(*) over ()`.as('total')])
    .orderBy(sql`score`, 'desc').orderBy('resources.id', 'desc').limit(page.limit).offset(page.offset).execute();
  if (!ranked.length) return { rows: [], total: null };
  const details = await db.selectFrom('resources').select([
    'id', 'kind', 'title', 'description', 'stage', 'subject', 'grade', 'edition', 'volume', 'unit', 'lesson', 'tags', 'feature', 'visible_scope', 'review_stage',
  ]).where('id', 'in', ranked.map((r) => r.id)).execute();
  const byId = new Map(details.map((d) => [d.id, d]));
  return {
    rows: ranked.map((r) => ({ ...byId.get(r.id)!, score: Number(r.score) })) as SearchHitRow[],
    total: Number(ranked[0]!.total),
  };
}

/** How many hits there are inside the scope (the same predicates as the page). */
export async function searchCount(db: Db, plan: QueryPlan, scope: Expression<SqlBool>, f: SearchFilters): Promise<number> {
  const { q } = base(db, plan, scope, f);
  const row = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The courseware text of these resources (for snippets), the first file's text that has any. */
export async function bodiesOf(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('resource_files').select(['resource_id', 'body_text'])
    .where('resource_id', 'in', ids).where('body_text', 'is not', null).orderBy('resource_id').orderBy('id').execute();
  const out = new Map<number, string>();
  for (const r of rows) out.set(r.resource_id, `${out.get(r.resource_id) ?? ''}${r.body_text}\n`);
  return out;
}
