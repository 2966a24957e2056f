import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { classConsentCap } from '../students/consent.cap.js';
import { userIdOf } from '../research/research.test-kit.js';
import { addResource, setConsentRow } from './resources.test-kit.js';

/**
 * Acceptance 2 (second half): lowering a guardian's consent narrows an already published lesson of
 * the class at once — its scope, its history, its publisher told — on SQLite and PostgreSQL alike.
 */
describe('consent narrowing: a lowered consent narrows the class\'s published lessons at once', () => {
  let t: TestApp;
  let child: number;
  let klass: number;
  let otherClass: number;
  let school: number;
  let publisher: number;
  let pupils: number[];

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    const row = await db.selectFrom('guardianships').innerJoin('users', 'users.id', 'guardianships.user_id')
      .innerJoin('students', 'students.id', 'guardianships.student_id')
      .select(['students.id', 'students.class_id', 'students.school_id']).where('users.username', '=', 'gxsy.parent').executeTakeFirstOrThrow();
    [child, klass, school] = [row.id, row.class_id, row.school_id];
    otherClass = (await db.selectFrom('students').innerJoin('guardianships', 'guardianships.student_id', 'students.id')
      .innerJoin('users', 'users.id', 'guardianships.user_id').select('students.class_id').where('users.username', '=', 'gxsy.parent2').executeTakeFirstOrThrow()).class_id;
    publisher = await userIdOf(db, 'gxsy.teacher');
    pupils = (await db.selectFrom('students').select('id').where('class_id', '=', klass).execute()).map((p) => p.id);
    // Every guardian of the class agreed to public use; the other class too.
    for (const id of pupils) await setConsentRow(db, id, 'public', publisher);
    for (const p of await db.selectFrom('students').select('id').where('class_id', '=', otherClass).execute()) await setConsentRow(db, p.id, 'public', publisher);
  });
  afterAll(async () => t.close());

  it('caps a class by its least consent: one pupil at county makes the class county', async () => {
    expect((await classConsentCap(t.db.db, klass)).cap).toBe('public');
    await setConsentRow(t.db.db, pupils.find((p) => p !== child)!, 'county', publisher);
    expect(await classConsentCap(t.db.db, klass)).toEqual({ cap: 'county', least: 'county', pupils: pupils.length });
    // Back to all public for the next test.
    for (const id of pupils) await setConsentRow(t.db.db, id, 'public', publisher);
  });

  it('narrows a city-published lesson to county when a guardian lowers public to county, tells the publisher, and never widens it back', async () => {
    const db = t.db.db;
    const lesson = await addResource(db, { schoolId: school, publisherUserId: publisher, kind: 'lesson', title: '分数的初步认识（课例）', classId: klass, requestedScope: 'city', consentCap: 'public' });
    const countyLesson = await addResource(db, { schoolId: school, publisherUserId: publisher, kind: 'lesson', title: '县级课例', classId: klass, requestedScope: 'county' });
    const courseware = await addResource(db, { schoolId: school, publisherUserId: publisher, kind: 'courseware', title: '课件', classId: klass, requestedScope: 'public' });
    const otherLesson = await addResource(db, { schoolId: school, publisherUserId: publisher, kind: 'lesson', title: '另一班课例', classId: otherClass, requestedScope: 'city' });

    const parent = await t.login('gxsy.parent');
    const res = await parent.request('PUT', `/api/students/${child}/consent`, { level: 'county' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ previous: 'public', level: 'county', changed: true, resourcesNarrowed: 1 });

    const rows = await db.selectFrom('resources').select(['id', 'visible_scope', 'consent_cap']).where('id', 'in', [lesson, countyLesson, courseware, otherLesson]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: lesson, visible_scope: 'county', consent_cap: 'county' },
      { id: countyLesson, visible_scope: 'county', consent_cap: 'county' },
      // Courseware has no children on video; another class's lesson is not this consent's.
      { id: courseware, visible_scope: 'public', consent_cap: null },
      { id: otherLesson, visible_scope: 'city', consent_cap: null },
    ]);
    const reviews = await db.selectFrom('resource_reviews').select(['resource_id', 'decision', 'scope_after', 'by_user_id', 'comment']).execute();
    expect(reviews).toEqual([{ resource_id: lesson, decision: 'narrowed', scope_after: 'county', by_user_id: null, comment: expect.stringContaining('县（区）内') }]);
    const told = await db.selectFrom('notifications').select(['user_id', 'kind', 'link', 'title']).where('kind', '=', 'resource_narrowed').execute();
    expect(told).toEqual([{ user_id: publisher, kind: 'resource_narrowed', link: `/resources/${lesson}`, title: expect.stringContaining('分数的初步认识') }]);
    const audit = await db.selectFrom('audit_log').select(['target_type', 'target_id', 'actor_id']).where('action', '=', 'resource.narrowed').execute();
    expect(audit).toEqual([{ target_type: 'resource', target_id: String(lesson), actor_id: null }]);

    // Widening the consent again stores the wider cap but leaves the published scope narrowed: the publisher resubmits.
    const back = await parent.request('PUT', `/api/students/${child}/consent`, { level: 'public' });
    expect(back.json()).toMatchObject({ changed: true, resourcesNarrowed: 0 });
    expect(await db.selectFrom('resources').select(['visible_scope', 'consent_cap']).where('id', '=', lesson).executeTakeFirstOrThrow())
      .toEqual({ visible_scope: 'county', consent_cap: 'public' });
    expect(await db.selectFrom('resource_reviews').select('id').execute()).toHaveLength(1);
  });

  it('narrows a county lesson to the school when the principal records a withdrawn consent (internal)', async () => {
    const db = t.db.db;
    const lesson = await addResource(db, { schoolId: school, publisherUserId: publisher, kind: 'lesson', title: '校内课例', classId: klass, requestedScope: 'county' });
    const principal = await t.login('gxsy.principal');
    const res = await principal.request('PUT', `/api/students/${pupils.find((p) => p !== child)!}/consent`, { level: 'internal' });
    expect(res.json().resourcesNarrowed).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom('resources').select(['visible_scope', 'consent_cap']).where('id', '=', lesson).executeTakeFirstOrThrow())
      .toEqual({ visible_scope: 'school', consent_cap: 'school' });
    // The handler again finds nothing wider than the cap.
    const replies = await t.events.emit('consent.changed', { schoolId: school, classIds: [klass], narrowed: true });
    expect(replies).toEqual([{ resourcesNarrowed: 0 }]);
  });
});
