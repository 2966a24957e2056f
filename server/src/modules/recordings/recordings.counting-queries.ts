import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * The recordings module's answer to "how many recorded lessons did a school give on a day", for
 * supervision. It reads only the `counts` field the pipeline stores (see counting.ts), never
 * re-deriving it: a lesson is a group of tracks, counted once (DISTINCT group_id) when it is
 * ready and counts.
 */

export interface CountedLessons {
  schoolId: number;
  day: string;
  lessons: number;
}

const CHUNK = 500;

/** Counted lessons per school and school day in [from, to]; days without any are left out. */
export async function countedLessons(
  db: Kysely<Database>, schoolIds: readonly number[], from: string, to: string,
): Promise<CountedLessons[]> {
  const ids = [...new Set(schoolIds)];
  const out: CountedLessons[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('recordings')
      .select(['school_id', 'school_day', sql<number>`count(distinct group_id)`.as('lessons')])
      .where('school_id', 'in', ids.slice(i, i + CHUNK))
      .where('school_day', '>=', from)
      .where('school_day', '<=', to)
      .where('counts', '=', 1)
      .where('status', '=', 'ready')
      .groupBy(['school_id', 'school_day'])
      .execute();
    for (const r of rows) out.push({ schoolId: r.school_id, day: r.school_day, lessons: Number(r.lessons) });
  }
  return out;
}

/** The query behind `countedLessonsForDay`, to embed as a subquery (one round trip for the caller). */
export function countedLessonsQuery(db: Kysely<Database>, schoolId: number, day: string) {
  return db.selectFrom('recordings')
    .select(sql<number>`count(distinct group_id)`.as('lessons'))
    .where('school_id', '=', schoolId)
    .where('school_day', '=', day)
    .where('counts', '=', 1)
    .where('status', '=', 'ready');
}

/** Counted lessons of one school on one school day. */
export async function countedLessonsForDay(db: Kysely<Database>, schoolId: number, day: string): Promise<number> {
  const row = await countedLessonsQuery(db, schoolId, day).executeTakeFirst();
  return Number(row?.lessons ?? 0);
}
