import { shanghaiDate } from '../../../../shared/dates.js';
import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { addLesson } from '../research/research.test-kit.js';
import { writeScores } from './patrol.form.js';

/** Lessons and patrols the patrol matrix acts on: per target school, a ready lesson of today and one patrol of it. */
export interface PatrolFixture {
  todayLesson: Record<Target, number>;
  patrol: Record<Target, number>;
  /** Today, as the test app's clock said when the fixture was made. */
  patrolDay: string;
}

/** The lesson's start today, 10:00 in Asia/Shanghai, as the clock of the test app says today. */
export function todayAt(t: TestApp, hhmm = '10:00'): string {
  return new Date(`${shanghaiDate(t.clock.now())}T${hhmm}:00+08:00`).toISOString();
}

/** Adds a ready lesson of today with a patrol by the target's own matrix person to each target school. */
export async function addPatrolToFixture(t: TestApp, f: MatrixFixture): Promise<PatrolFixture> {
  const db = t.db.db;
  const day = shanghaiDate(t.clock.now());
  const out: PatrolFixture = { todayLesson: {} as Record<Target, number>, patrol: {} as Record<Target, number>, patrolDay: day };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const s = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', f.school[target]).executeTakeFirstOrThrow();
    const lesson = await addLesson(db, { schoolId: s.id, title: `矩阵巡课-${target}`, teacherName: `矩阵教师${target}`, lessonStart: todayAt(t) });
    const scores = { order: 4, organisation: 4, engagement: 3, technology: 5 };
    const patrol = await db.insertInto('patrols').values({
      school_id: s.id, county_id: s.county_id, city_id: s.city_id, recording_id: lesson.recordingId, group_id: lesson.groupId,
      teacher_user_id: null, teacher_name: `矩阵教师${target}`, subject: '数学', grade: '三年级', patrol_day: day,
      patroller_user_id: f.person[target], scores: writeScores(scores), total: 4, note: `矩阵巡课记录-${target}`,
      created_at: new Date().toISOString(), updated_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    out.todayLesson[target] = lesson.recordingId;
    out.patrol[target] = patrol.id;
  }
  Object.assign(f, out);
  return out;
}

/** The patrol part of a fixture that went through addPatrolToFixture. */
export function patrolOf(f: MatrixFixture): PatrolFixture {
  const r = f as MatrixFixture & Partial<PatrolFixture>;
  if (!r.todayLesson || !r.patrol || !r.patrolDay) throw new Error('the matrix fixture has no patrols: call addPatrolToFixture(t, f) in buildMatrixFixture');
  return { todayLesson: r.todayLesson, patrol: r.patrol, patrolDay: r.patrolDay };
}
