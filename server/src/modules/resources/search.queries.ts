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
 * Runs the count and the page together: on PostgreSQL in one transaction (one snapshot, so the
 * total and the page agree) without parallel workers — the statements are small and bounded, and
 * starting workers cost several times the query itself (measured: 60–115 ms against 9–11 ms for
 * a capped count on a busy two-core machine). SQLite runs them as they are.
 */
export function withSearchStatements<T>(db: Db, f: (db: Db) => Promise<T>): Promise<T> {
  if (!isPg(db)) return f(db);
  return db.transaction().execute(async (tx) => {
    await sql`set local max_parallel_workers_per_gather = 0`.execute(tx);
    return f(tx);
  });
}

/** Hits are counted exactly up to this many; past it the answer says "1000+" (totalCapped). */
export const TOTAL_CAP = 1000;

const ID_COLUMNS = [
  'id', 'kind', 'title', 'description', 'stage', 'subject', 'grade', 'edition', 'volume', 'unit', 'lesson', 'tags', 'feature', 'visible_scope', 'review_stage',
] as const;

/**
 * The top tier: every word in the title and the title holding the query as typed. Such a hit has
 * the highest score there is (8 per word + 16), so among them the order is by id alone, which
 * both indexes give without scoring anything: FTS5 walks its rowids downwards, PostgreSQL reads
 * the title-weighted (A) entries of the GIN index. Same predicates as the score, so same set.
 */
function topTier(pg: boolean, plan: QueryPlan) {
  const phrase = plan.text.replace(/\s+/gu, '');
  const inTitle = pg
    ? sql<SqlBool>`resource_search.tsv @@ ${plan.words.map((w) => `'${w}':A`).join(' & ')}::tsquery`
    : sql<SqlBool>`resource_search match ${plan.words.map((w) => `{title} : ${ftsWord(w)}`).join(' AND ')}`;
  return sql<SqlBool>`(${inTitle} and ${contains(pg, sql`resources.title`, phrase)})`;
}

async function detailsOf(db: Db, ranked: readonly { id: number; score: number }[]): Promise<SearchHitRow[]> {
  if (!ranked.length) return [];
  const details = await db.selectFrom('resources').select([...ID_COLUMNS]).where('id', 'in', ranked.map((r) => r.id)).execute();
  const byId = new Map(details.map((d) => [d.id, d]));
  return ranked.map((r) => ({ ...byId.get(r.id)!, score: Number(r.score) })) as SearchHitRow[];
}

/**
 * One page of hits, best first, inside the scope. The work is bounded by the page, not by the
 * number of hits: when the top tier (see topTier) fills the page, that page is exactly what
 * ranking every hit would give, read in id order without scoring; only otherwise is every hit
 * scored (then the hits are few: the common words of a big library are in its titles). Only id
 * and score are carried through the sort; the page's resources are read after.
 */
export async function searchPage(
  db: Db, plan: QueryPlan, scope: Expression<SqlBool>, f: SearchFilters, page: { limit: number; offset: number },
): Promise<SearchHitRow[]> {
  const { q, pg } = base(db, plan, scope, f);
  // By the index's own id (the same number): SQLite then walks FTS5 downwards and stops at the page.
  const top = await q.where(topTier(pg, plan)).select('resources.id')
    .orderBy(pg ? sql`resource_search.resource_id` : sql`resource_search.rowid`, 'desc').limit(page.limit).offset(page.offset).execute();
  if (top.length === page.limit) {
    const best = plan.words.length * FIELD_WEIGHTS.title + TITLE_PHRASE_BONUS;
    return detailsOf(db, top.map((r) => ({ id: r.id, score: best })));
  }
  const ranked = await q.select(['resources.id', scoreOf(pg, plan).as('score')])
    .orderBy(sql`score`, 'desc').orderBy('resources.id', 'desc').limit(page.limit).offset(page.offset).execute();
  return detailsOf(db, ranked);
}

/**
 * How many hits there are inside the scope (the same predicates as the page), exactly up to
 * TOTAL_CAP: past it only that there are more (a generic word has tens of thousands of hits;
 * counting them all cost more than finding the page).
 */
export async function searchCount(db: Db, plan: QueryPlan, scope: Expression<SqlBool>, f: SearchFilters): Promise<{ total: number; capped: boolean }> {
  const { q } = base(db, plan, scope, f);
  const row = await db.selectFrom(q.select(sql<number>`1`.as('one')).limit(TOTAL_CAP + 1).as('hits'))
    .select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > TOTAL_CAP ? { total: TOTAL_CAP, capped: true } : { total: n, capped: false };
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
