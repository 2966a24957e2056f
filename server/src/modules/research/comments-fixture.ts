import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { recordingsOf } from '../recordings/recordings-fixture.js';
import { researchOf } from './research-fixture.js';

/**
 * Comments the matrix acts on, per target: one inside the target's activity and one outside any
 * activity, both on the target's matrix lesson and written by the target's matrix person (so no
 * actor is their author); and one per actor inside the activity, for each actor to try to delete.
 */
export interface CommentsFixture {
  comment: Record<Target, number>;
  outsideComment: Record<Target, number>;
  spareComment: Record<MatrixActor, Record<Target, number>>;
}

export async function addCommentsToFixture(t: TestApp, f: MatrixFixture): Promise<CommentsFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const insert = async (target: Target, activityId: number | null, body: string) => {
    const recordingId = recordingsOf(f).recording[target];
    const r = await db.selectFrom('recordings').select(['school_id', 'group_id']).where('id', '=', recordingId).executeTakeFirstOrThrow();
    const row = await db.insertInto('lesson_comments').values({
      school_id: r.school_id, group_id: r.group_id, recording_id: recordingId, activity_id: activityId, parent_id: null,
      author_user_id: f.person[target], at_ms: 60_000, body, rubric_item_key: null, created_at: now, updated_at: now, deleted_at: null, deleted_by_user_id: null,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const out: CommentsFixture = {
    comment: {} as Record<Target, number>,
    outsideComment: {} as Record<Target, number>,
    spareComment: Object.fromEntries(Object.keys(MATRIX_ACTORS).map((a) => [a, {}])) as CommentsFixture['spareComment'],
  };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const activityId = researchOf(f).activity[target];
    out.comment[target] = await insert(target, activityId, `矩阵评论-${target}`);
    out.outsideComment[target] = await insert(target, null, `矩阵活动外评论-${target}`);
    for (const actor of Object.keys(MATRIX_ACTORS) as MatrixActor[]) {
      out.spareComment[actor][target] = await insert(target, activityId, `矩阵待删评论-${actor}-${target}`);
    }
  }
  Object.assign(f, out);
  return out;
}

export function commentsOf(f: MatrixFixture): CommentsFixture {
  const r = f as MatrixFixture & Partial<CommentsFixture>;
  if (!r.comment || !r.outsideComment || !r.spareComment) throw new Error('the matrix fixture has no comments: call addCommentsToFixture(t, f) in buildMatrixFixture');
  return { comment: r.comment, outsideComment: r.outsideComment, spareComment: r.spareComment };
}
