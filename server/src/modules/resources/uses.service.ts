import type { Kysely } from 'kysely';
import type { Grant } from '../../access/actor.js';
import { ROLE_PERMISSIONS } from '../../access/policy.js';
import type { Database } from '../../db/schema.js';
import type { UseKind } from '../../../../shared/resources.js';
import { insertUse, shanghaiDay } from './uses.queries.js';

/**
 * A reload of a resource's page within this long after the person's last kept view is the same
 * visit: the web app asks to keep a view once per page visit, and a refresh (or a second tab) must
 * not make one teacher look like two uses in the equity picture.
 */
export const VIEW_REPEAT_MS = 30 * 60 * 1000;

/** Where a use counts: the person's school, county and city; nulls for the installation's staff. */
export interface UsePlace {
  schoolId: number | null;
  countyId: number | null;
  cityId: number | null;
}

/**
 * The place a person's use counts for, from their grants that read resources: a school grant first
 * (a teacher, a principal: their school, its county and city), then a county grant (bureau staff
 * have no school), then a city grant. A person teaching at two schools counts for the first one
 * they were given (grants come in assignment order), so one use never counts twice.
 */
export function usePlaceOf(grants: readonly Grant[]): UsePlace {
  const readers = grants.filter((g) => ROLE_PERMISSIONS[g.role]?.includes('resource:read'));
  const pick = readers.find((g) => g.schoolId !== null) ?? readers.find((g) => g.countyId !== null) ?? readers.find((g) => g.cityId !== null);
  return pick ? { schoolId: pick.schoolId, countyId: pick.countyId, cityId: pick.cityId } : { schoolId: null, countyId: null, cityId: null };
}

export interface KeepUse {
  userId: number;
  grants: readonly Grant[];
  resourceId: number;
  kind: UseKind;
  activityId?: number | null;
  at: Date;
}

/**
 * Keeps one use of a resource (who, which school, which resource, when) unless it repeats one
 * already kept: a view within VIEW_REPEAT_MS of the same person's last view of the resource, or a
 * preparation the same person noted on the same Asia/Shanghai day for the same activity (a second
 * click on “used in my lesson preparation” is the same preparation). Downloads are always kept:
 * each is a file taken away. Answers whether a new row was kept.
 *
 * The repeat check and the insert are two statements: two requests of one person arriving in the
 * same instant may both be kept. That is rare (the web app asks once per visit) and costs one
 * extra count, not a wrong place; a unique index cannot express a 30-minute window.
 */
export async function keepUse(db: Kysely<Database>, use: KeepUse): Promise<boolean> {
  const activityId = use.activityId ?? null;
  if (use.kind === 'view') {
    const since = new Date(use.at.getTime() - VIEW_REPEAT_MS).toISOString();
    const recent = await db.selectFrom('resource_uses').select('id')
      .where('resource_id', '=', use.resourceId).where('kind', '=', 'view').where('user_id', '=', use.userId).where('at', '>', since)
      .limit(1).executeTakeFirst();
    if (recent) return false;
  } else if (use.kind === 'prepare') {
    let same = db.selectFrom('resource_uses').select('id')
      .where('resource_id', '=', use.resourceId).where('kind', '=', 'prepare').where('user_id', '=', use.userId)
      .where('day', '=', shanghaiDay(use.at));
    same = activityId === null ? same.where('activity_id', 'is', null) : same.where('activity_id', '=', activityId);
    if (await same.limit(1).executeTakeFirst()) return false;
  }
  await insertUse(db, { resourceId: use.resourceId, kind: use.kind, userId: use.userId, ...usePlaceOf(use.grants), activityId, at: use.at });
  return true;
}
