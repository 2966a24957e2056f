import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { classConsentCap } from '../modules/students/consent.cap.js';
import { seedDemoConsent } from './demo-consent.js';

describe('demo consent: most demo classes city-wide, one capped at county', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('gives the first classes city consent and gxsy.parent2\'s class one county pupil, once', async () => {
    const db = t.db.db;
    const seeded = await seedDemoConsent(db, new Date('2026-12-06T08:00:00Z'));
    expect(seeded.classes).toBeGreaterThanOrEqual(9);
    expect(seeded.cappedClassId).not.toBeNull();
    expect(await classConsentCap(db, seeded.cappedClassId!)).toMatchObject({ cap: 'county', least: 'county' });
    const parent = await db.selectFrom('guardianships').innerJoin('users', 'users.id', 'guardianships.user_id')
      .innerJoin('students', 'students.id', 'guardianships.student_id').select(['students.id', 'students.class_id', 'users.id as user_id'])
      .where('users.username', '=', 'gxsy.parent').executeTakeFirstOrThrow();
    expect((await classConsentCap(db, parent.class_id)).cap).toBe('city');
    // The named parent set their own child's consent; the history starts from the default.
    expect(await db.selectFrom('student_consents').select(['level', 'by_user_id']).where('student_id', '=', parent.id).executeTakeFirstOrThrow())
      .toEqual({ level: 'city', by_user_id: parent.user_id });
    const history = await db.selectFrom('student_consent_changes').select(['from_level']).distinct().execute();
    expect(history).toEqual([{ from_level: 'internal' }]);
    // A second start adds nothing.
    expect(await seedDemoConsent(db, new Date())).toEqual({ classes: 0, pupils: 0, cappedClassId: null });
  });
});
