import { addRoomsToFixture } from '../../modules/rooms/rooms-fixture.js';
import { addRecordingsToFixture } from '../../modules/recordings/recordings-fixture.js';
import { addRolloutToFixture } from '../../modules/rollout/rollout-fixture.js';
import { addReportsToFixture } from '../../modules/reports/reports-fixture.js';
import { addInspectionsToFixture } from '../../modules/inspections/inspections-fixture.js';
import { addNotificationsToFixture } from '../../modules/notifications/notifications-fixture.js';
import { addBulletinsToFixture } from '../../modules/bulletins/bulletins-fixture.js';
import { addResearchToFixture } from '../../modules/research/research-fixture.js';
import { addCommentsToFixture } from '../../modules/research/comments-fixture.js';
import { addStToFixture } from '../../modules/research/st-fixture.js';
import { addActivitiesToFixture } from '../../modules/research/activities-fixture.js';
import { addRubricsToFixture } from '../../modules/research/rubrics-fixture.js';
import { addCalendarToFixture } from '../../modules/calendar/calendar-fixture.js';
import { addPatrolToFixture } from '../../modules/patrol/patrol-fixture.js';
import { addResourcesToFixture } from '../../modules/resources/resources-fixture.js';
import { addEngagementToFixture } from '../../modules/resources/engagement-fixture.js';
import { addConsentToFixture } from '../../modules/students/consent-fixture.js';
import { addReviewToFixture } from '../../modules/resources/review-fixture.js';
import { addCoursewareToFixture } from '../../modules/resources/courseware-fixture.js';
import { addFamilyToFixture } from '../../modules/family/family-fixture.js';
import { addKindergartenToFixture } from '../../modules/family/kindergarten-fixture.js';
import { addBindingToFixture } from '../../modules/family/binding-fixture.js';
import { addNoticesToFixture } from '../../modules/family/notices-fixture.js';
import { addRoutineToFixture } from '../../modules/family/routine-fixture.js';
import { addSafetyToFixture } from '../../modules/safety/safety-fixture.js';
import { addAttendanceToFixture } from '../../modules/family/attendance-fixture.js';
import { addLiveToFixture } from '../../modules/live/live-fixture.js';
import { addKgViewToFixture } from '../../modules/live/kg-view-fixture.js';
import type { TestApp } from '../../test-support/test-app.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from './matrix-types.js';
import { addMessagesToFixture } from '../../modules/family/messages-fixture.js';

/**
 * Looks up the target records of the matrix in the seeded test city and adds three staff
 * accounts (one per target school) that no actor uses, so write routes can act on them.
 */
export async function buildMatrixFixture(t: TestApp): Promise<MatrixFixture> {
  const db = t.db.db;
  const schoolByCode = async (code: string) =>
    db.selectFrom('schools').select(['id', 'code', 'county_id', 'city_id']).where('code', '=', code).executeTakeFirstOrThrow();
  const schools = {
    own: await schoolByCode(DEMO_SCHOOLS.guanxianShiyan.code),
    sibling: await schoolByCode(DEMO_SCHOOLS.guanxianDier.code),
    foreign: await schoolByCode(DEMO_SCHOOLS.shenxianShiyan.code),
  };
  const now = new Date().toISOString();
  const hash = (await db.selectFrom('users').select('password_hash').where('username', '=', 'gxsy.teacher').executeTakeFirstOrThrow()).password_hash;
  const person = {} as Record<Target, number>;
  const assignment = {} as Record<Target, number>;
  const spareAssignment = Object.fromEntries(Object.keys(MATRIX_ACTORS).map((a) => [a, {}])) as MatrixFixture['spareAssignment'];
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const s = schools[target];
    const user = await db.insertInto('users').values({
      username: `matrix.${target}`, name: `矩阵${target}`, phone: null, password_hash: hash, kind: 'staff',
      disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const ra = await db.insertInto('role_assignments').values({
      user_id: user.id, role: 'teacher', department: null, city_id: s.city_id, county_id: s.county_id, school_id: s.id, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    person[target] = user.id;
    assignment[target] = ra.id;
    for (const actor of Object.keys(MATRIX_ACTORS) as MatrixActor[]) {
      const spare = await db.insertInto('role_assignments').values({
        user_id: user.id, role: 'teacher', department: null, city_id: s.city_id, county_id: s.county_id, school_id: s.id, created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      spareAssignment[actor][target] = spare.id;
    }
  }
  const childOf = async (guardian: string) =>
    db.selectFrom('guardianships').innerJoin('users', 'users.id', 'guardianships.user_id')
      .innerJoin('students', 'students.id', 'guardianships.student_id')
      .select(['students.id', 'students.student_no']).where('users.username', '=', guardian).executeTakeFirstOrThrow();
  const own = await childOf('gxsy.parent');
  const sibling = await childOf('gxsy.parent2');
  const foreign = await db.selectFrom('students').select(['id', 'student_no']).where('school_id', '=', schools.foreign.id).orderBy('id').executeTakeFirstOrThrow();
  const countyName = async (id: number) => (await db.selectFrom('regions').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
  const ownCounty = await countyName(schools.own.county_id);
  const foreignCounty = await countyName(schools.foreign.county_id);

  const fixture: MatrixFixture = {
    school: { own: schools.own.id, sibling: schools.sibling.id, foreign: schools.foreign.id },
    county: { own: schools.own.county_id, foreign: schools.foreign.county_id },
    person,
    assignment,
    spareAssignment,
    student: { own: own.id, sibling: sibling.id, foreign: foreign.id },
    marker: {
      school: { own: schools.own.code, sibling: schools.sibling.code, foreign: schools.foreign.code },
      person: { own: 'matrix.own', sibling: 'matrix.sibling', foreign: 'matrix.foreign' },
      student: { own: own.student_no, sibling: sibling.student_no, foreign: foreign.student_no },
      // Counties appear as JSON strings; the own county stands for the sibling too.
      county: { own: `"${ownCounty}"`, sibling: `"${ownCounty}"`, foreign: `"${foreignCounty}"` },
    },
  };
  await addRoomsToFixture(t, fixture);
  await addRecordingsToFixture(t, fixture);
  await addResearchToFixture(t, fixture);
  await addCommentsToFixture(t, fixture);
  await addStToFixture(t, fixture);
  await addActivitiesToFixture(t, fixture);
  await addRubricsToFixture(t, fixture);
  await addRolloutToFixture(t, fixture);
  await addReportsToFixture(t, fixture);
  await addInspectionsToFixture(t, fixture);
  await addNotificationsToFixture(t, fixture);
  await addBulletinsToFixture(t, fixture);
  await addCalendarToFixture(t, fixture);
  await addPatrolToFixture(t, fixture);
  await addResourcesToFixture(t, fixture);
  await addEngagementToFixture(t, fixture);
  await addConsentToFixture(t, fixture);
  await addReviewToFixture(t, fixture);
  await addCoursewareToFixture(t, fixture);
  await addFamilyToFixture(t, fixture);
  await addKindergartenToFixture(t, fixture);
  await addBindingToFixture(t, fixture);
  await addMessagesToFixture(t, fixture);
  await addNoticesToFixture(t, fixture);
  await addRoutineToFixture(t, fixture);
  await addSafetyToFixture(t, fixture);
  await addAttendanceToFixture(t, fixture);
  await addLiveToFixture(t, fixture);
  await addKgViewToFixture(t, fixture);
  return fixture;
}
