import { type ExpressionBuilder, type Insertable, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database, ObservationRubricTable } from '../../db/schema.js';

type Db = Kysely<Database>;
type Eb = ExpressionBuilder<Database, 'observation_rubrics'>;

/**
 * Who reads which rubrics: a city-level reader every rubric of their city (the city's and its
 * counties'), a county- or school-level reader the city's rubrics and their own county's.
 */
export interface RubricReaders {
  all: boolean;
  /** Cities read whole. */
  cityIds: number[];
  /** Cities whose own (city-level) rubrics are read. */
  cityRubricsOf: number[];
  countyIds: number[];
}

/** Who writes which rubrics (rubric:write): the city's staff the city's and its counties', a county's its own. */
export interface RubricWriters {
  all: boolean;
  cityIds: number[];
  countyIds: number[];
}

const NONE = sql<SqlBool>`1 = 0`;

function writable(eb: Eb, w: RubricWriters | null) {
  if (!w) return NONE;
  if (w.all) return sql<SqlBool>`1 = 1`;
  const parts = [];
  if (w.cityIds.length) parts.push(eb('observation_rubrics.city_id', 'in', w.cityIds));
  if (w.countyIds.length) parts.push(eb('observation_rubrics.county_id', 'in', w.countyIds));
  return parts.length ? eb.or(parts) : NONE;
}

/** The rubrics a reader sees: in their reach, and drafts only where they may write. */
export function rubricVisible(r: RubricReaders, w: RubricWriters | null) {
  return (eb: Eb) => {
    const owner = [];
    if (r.all) owner.push(sql<SqlBool>`1 = 1`);
    if (r.cityIds.length) owner.push(eb('observation_rubrics.city_id', 'in', r.cityIds));
    if (r.cityRubricsOf.length) {
      owner.push(eb.and([eb('observation_rubrics.county_id', 'is', null), eb('observation_rubrics.city_id', 'in', r.cityRubricsOf)]));
    }
    if (r.countyIds.length) owner.push(eb('observation_rubrics.county_id', 'in', r.countyIds));
    if (!owner.length) return NONE;
    return eb.and([eb.or(owner), eb.or([eb('observation_rubrics.status', '<>', 'draft'), writable(eb, w)])]);
  };
}

function baseQuery(db: Db) {
  return db.selectFrom('observation_rubrics')
    .innerJoin('regions as city', 'city.id', 'observation_rubrics.city_id')
    .leftJoin('regions as county', 'county.id', 'observation_rubrics.county_id')
    .innerJoin('users as creator', 'creator.id', 'observation_rubrics.created_by_user_id')
    .selectAll('observation_rubrics')
    .select((eb) => [
      'city.name as city_name', 'county.name as county_name', 'creator.name as created_by_name',
      eb.selectFrom('observation_scores as s').select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.rubric_id', '=', 'observation_rubrics.id').as('score_count'),
      eb.selectFrom('research_activities as a').select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.rubric_id', '=', 'observation_rubrics.id').where('a.deleted_at', 'is', null).as('activity_count'),
    ]);
}

export type RubricRow = NonNullable<Awaited<ReturnType<typeof findRubric>>>;

export async function listRubrics(db: Db, r: RubricReaders, w: RubricWriters | null, status: string | undefined) {
  let q = baseQuery(db).where(rubricVisible(r, w));
  if (status) q = q.where('observation_rubrics.status', '=', status as 'draft');
  // City rubrics first, then by county; the newest version of a name first.
  return q.orderBy(sql`case when observation_rubrics.county_id is null then 0 else 1 end`)
    .orderBy('observation_rubrics.county_id').orderBy('observation_rubrics.name').orderBy('observation_rubrics.version', 'desc')
    .orderBy('observation_rubrics.id', 'desc').limit(500).execute();
}

/** One rubric, when visible (null otherwise); without reach rules when `r` is null (the activity grants it). */
export async function findRubric(db: Db, id: number, r: RubricReaders | null, w: RubricWriters | null) {
  let q = baseQuery(db).where('observation_rubrics.id', '=', id);
  if (r) q = q.where(rubricVisible(r, w));
  return q.executeTakeFirst();
}

export async function insertRubric(db: Db, row: Insertable<ObservationRubricTable>) {
  return (await db.insertInto('observation_rubrics').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function scoreCount(db: Db, rubricId: number): Promise<number> {
  const row = await db.selectFrom('observation_scores').select((e) => e.fn.countAll<number>().as('n')).where('rubric_id', '=', rubricId).executeTakeFirstOrThrow();
  return Number(row.n);
}
