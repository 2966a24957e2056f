import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { recordingsOf } from '../recordings/recordings-fixture.js';
import { researchOf } from './research-fixture.js';
import { addLesson, userIdOf } from './research.test-kit.js';

/**
 * S-T records the matrix acts on, per target school's activity (research-fixture.ts): a second
 * lesson of the school attached to the activity (同课异构 compares two), a coding of the target's
 * matrix person (no actor's: everyone but them may only read it), and a spare coding of each actor
 * that has an account, made straight in the table whether or not the actor reaches it, so each
 * may try to delete their own.
 */
export interface StFixture {
  stSecondLesson: Record<Target, number>;
  stCoding: Record<Target, number>;
  stSpareCoding: Record<MatrixActor, Record<Target, number>>;
}

export async function addStToFixture(t: TestApp, f: MatrixFixture): Promise<StFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const { activity } = researchOf(f);
  const { recording } = recordingsOf(f);
  const out: StFixture = {
    stSecondLesson: {} as Record<Target, number>, stCoding: {} as Record<Target, number>,
    stSpareCoding: Object.fromEntries(Object.keys(MATRIX_ACTORS).map((a) => [a, {}])) as StFixture['stSpareCoding'],
  };
  const coding = async (target: Target, coderUserId: number) => {
    const lesson = await db.selectFrom('recordings').select(['id', 'school_id', 'group_id']).where('id', '=', recording[target]).executeTakeFirstOrThrow();
    const row = await db.insertInto('st_codings').values({
      school_id: lesson.school_id, group_id: lesson.group_id, activity_id: activity[target], coder_user_id: coderUserId, recording_id: lesson.id,
      interval_seconds: 30, codes: 'TTSSDT', created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const second = await addLesson(db, { schoolId: f.school[target], title: `矩阵同课异构-${target}` });
    const attached = await db.selectFrom('research_activity_lessons').selectAll().where('activity_id', '=', activity[target]).executeTakeFirstOrThrow();
    await db.insertInto('research_activity_lessons').values({
      ...attached, id: undefined, recording_id: second.recordingId, group_id: second.groupId, title: `矩阵同课异构-${target}`, position: attached.position + 1,
    }).execute();
    out.stSecondLesson[target] = second.recordingId;
    out.stCoding[target] = await coding(target, f.person[target]);
    for (const [actor, username] of Object.entries(MATRIX_ACTORS) as [MatrixActor, string | null][]) {
      out.stSpareCoding[actor][target] = username ? await coding(target, await userIdOf(db, username)) : out.stCoding[target];
    }
  }
  Object.assign(f, out);
  return out;
}

export function stOf(f: MatrixFixture): StFixture {
  const r = f as MatrixFixture & Partial<StFixture>;
  if (!r.stCoding || !r.stSecondLesson || !r.stSpareCoding) throw new Error('the matrix fixture has no S-T codings: call addStToFixture(t, f) in buildMatrixFixture');
  return { stSecondLesson: r.stSecondLesson, stCoding: r.stCoding, stSpareCoding: r.stSpareCoding };
}
