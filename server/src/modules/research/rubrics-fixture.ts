import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { recordingsOf } from '../recordings/recordings-fixture.js';
import { addActivity, userIdOf } from './research.test-kit.js';
import { addRubric } from './rubrics.test-kit.js';

/**
 * Rubric records the matrix acts on. Rubrics belong to a city or a county, so per target:
 * `own` — a rubric of 冠县 (the actors' county), `sibling` — a rubric of the city (聊城市), which
 * every actor's county reads but only the city writes, `foreign` — a rubric of 莘县. One set per
 * route that changes a rubric, so no entry sees another's change. Scoring and export act on
 * activities of their own, laid out as the research fixture's (see research-fixture.ts) but
 * observing on a published city rubric.
 */
export interface RubricsFixture {
  rubric: Record<'read' | 'update' | 'publish' | 'archive' | 'copy', Record<Target, number>>;
  scoredActivity: Record<Target, number>;
}

export async function addRubricsToFixture(t: TestApp, f: MatrixFixture): Promise<RubricsFixture> {
  const db = t.db.db;
  const city = (await db.selectFrom('schools').select('city_id').where('id', '=', f.school.own).executeTakeFirstOrThrow()).city_id;
  const creator = await userIdOf(db, 'city.admin');
  const owner: Record<Target, { cityId: number; countyId: number | null }> = {
    own: { cityId: city, countyId: f.county.own }, sibling: { cityId: city, countyId: null }, foreign: { cityId: city, countyId: f.county.foreign },
  };
  const rubric = {} as RubricsFixture['rubric'];
  const status = { read: 'published', update: 'draft', publish: 'draft', archive: 'published', copy: 'published' } as const;
  for (const use of ['read', 'update', 'publish', 'archive', 'copy'] as const) {
    rubric[use] = {} as Record<Target, number>;
    for (const target of ['own', 'sibling', 'foreign'] as const) {
      rubric[use][target] = await addRubric(db, { ...owner[target], createdByUserId: creator, status: status[use], name: `矩阵量表-${use}-${target}` });
    }
  }
  const scoring = await addRubric(db, { cityId: city, createdByUserId: creator, name: '矩阵评分量表' });
  const teacher = await userIdOf(db, 'gxsy.teacher');
  const scoredActivity = {} as Record<Target, number>;
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const s = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', f.school[target]).executeTakeFirstOrThrow();
    const members = [{ userId: f.person[target], schoolId: s.id }];
    if (target === 'own') members.push({ userId: teacher, schoolId: s.id });
    const { activityId } = await addActivity(db, {
      organiserUserId: f.person[target], owner: { cityId: s.city_id, countyId: s.county_id, schoolId: s.id }, schoolIds: [s.id], members,
      lessons: [{ recordingId: recordingsOf(f).recording[target] }], topic: `矩阵评分-${target}`, rubricId: scoring,
    });
    scoredActivity[target] = activityId;
  }
  const out: RubricsFixture = { rubric, scoredActivity };
  Object.assign(f, { rubrics: out });
  return out;
}

export function rubricsOf(f: MatrixFixture): RubricsFixture {
  const r = (f as MatrixFixture & { rubrics?: RubricsFixture }).rubrics;
  if (!r) throw new Error('the matrix fixture has no rubrics: call addRubricsToFixture(t, f) in buildMatrixFixture');
  return r;
}
