import type { Kysely } from 'kysely';
import type { ResourceReach } from '../../access/actor.js';
import { resourceInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';
import type { FeaturedCollection, FeaturedGroup } from '../../../../shared/resources-review-types.js';

type Q = Kysely<Database>;

/** The most featured resources one answer holds (the city's collection is a few hundred lessons). */
export const FEATURED_LIMIT = 1000;

/** Featured resources the actor reaches (published, in reach in SQL), by subject and grade. */
function featuredInReach(db: Q, reach: ResourceReach, filter: { subject?: string; grade?: string; limit: number }) {
  let q = db.selectFrom('resources').innerJoin('schools', 'schools.id', 'resources.school_id')
    .select([
      'resources.id', 'resources.kind', 'resources.title', 'resources.subject', 'resources.grade', 'resources.lesson', 'resources.feature',
      'resources.featured_at', 'schools.code as school_code', 'schools.name as school_name',
    ])
    .where('resources.feature', 'is not', null).where('resources.review_stage', '=', 'done').where('resources.visible_scope', 'is not', null)
    .where(resourceInScope(reach));
  if (filter.subject) q = q.where('resources.subject', '=', filter.subject);
  if (filter.grade) q = q.where('resources.grade', '=', filter.grade);
  return q.orderBy('resources.subject').orderBy('resources.grade').orderBy('resources.featured_at', 'desc').orderBy('resources.id', 'desc')
    .limit(filter.limit).execute();
}

/** The featured collection (优课 / 精品课) the actor reaches, grouped by subject and grade. */
export async function featuredCollection(db: Q, reach: ResourceReach, filter: { subject?: string; grade?: string }): Promise<FeaturedCollection> {
  const rows = await featuredInReach(db, reach, { ...filter, limit: FEATURED_LIMIT });
  const groups: FeaturedGroup[] = [];
  for (const r of rows) {
    let g = groups[groups.length - 1];
    if (!g || g.subject !== r.subject || g.grade !== r.grade) groups.push(g = { subject: r.subject, grade: r.grade, items: [] });
    g.items.push({
      id: r.id, kind: r.kind, title: r.title, feature: r.feature!, featuredAt: r.featured_at, schoolCode: r.school_code, schoolName: r.school_name, lesson: r.lesson,
    });
  }
  return { groups, total: rows.length };
}
