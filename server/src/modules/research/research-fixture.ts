import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { recordingsOf } from '../recordings/recordings-fixture.js';
import { addActivity, userIdOf } from './research.test-kit.js';

/**
 * Research records the matrix acts on. Per target school: an activity that school organises and
 * takes part in, with the target's matrix lesson attached. gxsy.teacher is a member of the own
 * activity only, so from the actors' side: the teacher and the principal reach `own`, the county
 * (冠县) reaches `own` and `sibling`, the city reaches all three; a teacher of the sibling school
 * (matrix.sibling) is the member of the sibling activity.
 */
export interface ResearchFixture {
  activity: Record<Target, number>;
  /** research_activity_lessons ids, one per activity. */
  activityLesson: Record<Target, number>;
}

export async function addResearchToFixture(t: TestApp, f: MatrixFixture): Promise<ResearchFixture> {
  const db = t.db.db;
  const teacher = await userIdOf(db, 'gxsy.teacher');
  const out: ResearchFixture = { activity: {} as Record<Target, number>, activityLesson: {} as Record<Target, number> };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const s = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', f.school[target]).executeTakeFirstOrThrow();
    const members = [{ userId: f.person[target], schoolId: s.id }];
    if (target === 'own') members.push({ userId: teacher, schoolId: s.id });
    const { activityId, lessonIds } = await addActivity(db, {
      organiserUserId: f.person[target], owner: { cityId: s.city_id, countyId: s.county_id, schoolId: s.id },
      schoolIds: [s.id], members, lessons: [{ recordingId: recordingsOf(f).recording[target] }], topic: `矩阵教研-${target}`,
    });
    out.activity[target] = activityId;
    out.activityLesson[target] = lessonIds[0]!;
  }
  Object.assign(f, out);
  return out;
}

export function researchOf(f: MatrixFixture): ResearchFixture {
  const r = f as MatrixFixture & Partial<ResearchFixture>;
  if (!r.activity || !r.activityLesson) throw new Error('the matrix fixture has no research: call addResearchToFixture(t, f) in buildMatrixFixture');
  return { activity: r.activity, activityLesson: r.activityLesson };
}
