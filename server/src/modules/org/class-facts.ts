import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * What other modules may know of classes without reading org's tables: their school and names.
 * A system lookup (no scope): callers pass only classes of a school they already reach (a
 * resource's class on video, checked against the lesson's school).
 */
export async function classFacts(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, { id: number; schoolId: number; name: string; gradeName: string }>> {
  const out = new Map<number, { id: number; schoolId: number; name: string; gradeName: string }>();
  const unique = [...new Set(ids)];
  if (!unique.length) return out;
  const rows = await db.selectFrom('classes').innerJoin('grades', 'grades.id', 'classes.grade_id')
    .select(['classes.id', 'classes.school_id', 'classes.name', 'grades.name as grade_name'])
    .where('classes.id', 'in', unique).execute();
  for (const r of rows) out.set(r.id, { id: r.id, schoolId: r.school_id, name: r.name, gradeName: r.grade_name });
  return out;
}
