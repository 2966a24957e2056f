import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { UseKind } from '../../../../shared/resources.js';

/** Asia/Shanghai calendar date of an instant: the day a use counts on. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface UseRow {
  resourceId: number;
  kind: UseKind;
  userId: number | null;
  /** The user's school, county and city (from their grant); null for anonymous public views and bureau staff. */
  schoolId: number | null;
  countyId: number | null;
  cityId: number | null;
  activityId?: number | null;
  at: Date;
}

/** Keeps one use of a resource for the equity picture (who, which school, which resource, when). */
export async function insertUse(db: Kysely<Database>, use: UseRow): Promise<void> {
  await db.insertInto('resource_uses').values({
    resource_id: use.resourceId, kind: use.kind, user_id: use.userId, school_id: use.schoolId, county_id: use.countyId,
    city_id: use.cityId, activity_id: use.activityId ?? null, day: shanghaiDay(use.at), at: use.at.toISOString(),
  }).execute();
}
