import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { resourcesOf } from './resources-fixture.js';

/**
 * Resource comments the matrix deletes: one per actor and target on the target's published matrix
 * resource, written by the target's matrix teacher (its publisher), so no actor is the author and
 * each actor tries a comment of their own.
 */
export interface EngagementFixture {
  spareResourceComment: Record<MatrixActor, Record<Target, number>>;
}

export async function addEngagementToFixture(t: TestApp, f: MatrixFixture): Promise<EngagementFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const out: EngagementFixture = { spareResourceComment: Object.fromEntries(Object.keys(MATRIX_ACTORS).map((a) => [a, {}])) as EngagementFixture['spareResourceComment'] };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    for (const actor of Object.keys(MATRIX_ACTORS) as MatrixActor[]) {
      const row = await db.insertInto('resource_comments').values({
        resource_id: resourcesOf(f).resource[target], user_id: f.person[target], body: `矩阵资源评论-${actor}-${target}`, created_at: now, deleted_at: null,
      }).returning('id').executeTakeFirstOrThrow();
      out.spareResourceComment[actor][target] = row.id;
    }
  }
  Object.assign(f, out);
  return out;
}

export function engagementOf(f: MatrixFixture): EngagementFixture {
  const r = f as MatrixFixture & Partial<EngagementFixture>;
  if (!r.spareResourceComment) throw new Error('the matrix fixture has no resource comments: call addEngagementToFixture(t, f) in buildMatrixFixture');
  return { spareResourceComment: r.spareResourceComment };
}
