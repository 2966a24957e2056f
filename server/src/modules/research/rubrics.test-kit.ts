import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Definition } from './rubric-definition.js';

/** Four levels, 4 (优) to 1 (差), as most 课堂观察量表 grade an item. */
export const FOUR_LEVELS = [
  { score: 4, label: '优', descriptor: '完全做到，且有亮点' },
  { score: 3, label: '良', descriptor: '基本做到' },
  { score: 2, label: '中', descriptor: '部分做到' },
  { score: 1, label: '差', descriptor: '没有做到' },
];

/** A small rubric for tests: two dimensions, four items, weights 2/1/1/2. */
export function sampleDefinition(): Definition {
  return {
    dimensions: [
      { key: 'goals', name: '教学目标', items: [
        { key: 'goal_clear', text: '目标明确', weight: 2, levels: FOUR_LEVELS },
        { key: 'goal_fit', text: '符合学情', weight: 1, levels: FOUR_LEVELS },
      ] },
      { key: 'students', name: '学生参与', items: [
        { key: 'participation', text: '参与面广', weight: 1, levels: FOUR_LEVELS },
        { key: 'thinking', text: '思维活跃', weight: 2, levels: FOUR_LEVELS },
      ] },
    ],
  };
}

/** A rubric row straight into the table (tests of one part do not depend on the rubric routes). */
export async function addRubric(db: Kysely<Database>, opts: {
  cityId: number; countyId?: number | null; createdByUserId: number; name?: string; status?: 'draft' | 'published' | 'archived';
  definition?: Definition; version?: number;
}): Promise<number> {
  const now = new Date().toISOString();
  const row = await db.insertInto('observation_rubrics').values({
    name: opts.name ?? '课堂观察量表', description: '', city_id: opts.cityId, county_id: opts.countyId ?? null,
    definition: JSON.stringify(opts.definition ?? sampleDefinition()), status: opts.status ?? 'published',
    created_by_user_id: opts.createdByUserId, created_at: now, updated_at: now, version: opts.version ?? 1, copied_from_rubric_id: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A teacher of a school who is in no activity: the non-member of the attacker probes. */
export async function addTeacher(t: { db: { db: Kysely<Database> } }, username: string, schoolCode: string): Promise<number> {
  const db = t.db.db;
  const s = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('code', '=', schoolCode).executeTakeFirstOrThrow();
  const hash = (await db.selectFrom('users').select('password_hash').where('username', '=', 'gxsy.teacher').executeTakeFirstOrThrow()).password_hash;
  const now = new Date().toISOString();
  const user = await db.insertInto('users').values({
    username, name: '路人甲', phone: null, password_hash: hash, kind: 'staff', disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('role_assignments').values({ user_id: user.id, role: 'teacher', department: null, city_id: s.city_id, county_id: s.county_id, school_id: s.id, created_at: now }).execute();
  return user.id;
}
