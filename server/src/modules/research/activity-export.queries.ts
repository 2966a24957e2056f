import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { regionNames, schoolNames } from '../org/org.names.js';
import { personNames } from '../people/people.names.js';
import type { ActivityRow } from './research-reach.js';

type Db = Kysely<Database>;

/** The names around an activity: organiser, organising node, research group, rubric. */
export async function activityNames(db: Db, act: ActivityRow) {
  const organiser = (await personNames(db, [act.organiser_user_id])).get(act.organiser_user_id);
  const ownerId = act.school_id ?? act.county_id ?? act.city_id;
  const owner = (await (act.school_id !== null ? schoolNames : regionNames)(db, [ownerId])).get(ownerId);
  const group = act.group_id === null ? undefined
    : await db.selectFrom('research_groups').select('name').where('id', '=', act.group_id).executeTakeFirst();
  return { organiserName: organiser ?? '', ownerName: owner ?? '', groupName: group?.name ?? null };
}

export async function activitySchools(db: Db, activityId: number) {
  return db.selectFrom('research_activity_schools as s').innerJoin('schools', 'schools.id', 's.school_id')
    .innerJoin('regions as county', 'county.id', 's.county_id')
    .select(['schools.name as school_name', 'schools.code as school_code', 'county.name as county_name'])
    .where('s.activity_id', '=', activityId).orderBy('county.name').orderBy('schools.code').execute();
}

export async function activityMembers(db: Db, activityId: number) {
  return db.selectFrom('research_activity_members as m').innerJoin('users', 'users.id', 'm.user_id')
    .leftJoin('schools', 'schools.id', 'm.school_id')
    .select(['m.user_id', 'm.role', 'users.name', 'schools.name as school_name'])
    .where('m.activity_id', '=', activityId).orderBy('m.id').execute();
}

/** The comments made in the activity (not deleted), in lesson-clock order, with their authors. */
export async function activityComments(db: Db, activityId: number) {
  return db.selectFrom('lesson_comments as c').innerJoin('users', 'users.id', 'c.author_user_id')
    .select(['c.id', 'c.school_id', 'c.group_id', 'c.parent_id', 'c.at_ms', 'c.body', 'c.rubric_item_key', 'c.created_at', 'users.name as author_name'])
    .where('c.activity_id', '=', activityId).where('c.deleted_at', 'is', null)
    .orderBy('c.at_ms').orderBy('c.id').execute();
}

/** The S-T codings made in the activity, with their coders. */
export async function activityStCodings(db: Db, activityId: number) {
  return db.selectFrom('st_codings as s').innerJoin('users', 'users.id', 's.coder_user_id')
    .select(['s.id', 's.school_id', 's.group_id', 's.interval_seconds', 's.codes', 's.updated_at', 'users.name as coder_name'])
    .where('s.activity_id', '=', activityId).orderBy('users.name').orderBy('s.id').execute();
}
