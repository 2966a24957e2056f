import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { addResource } from './resources.test-kit.js';

/**
 * Review's own matrix records. Each actor gets its own resource waiting at the school level per
 * target (`spareReview`), so a review that succeeds (the principal's, on its own school) changes
 * no record another entry or actor relies on. Each target also has a featured 优课 published
 * county-wide (`featured`), reached as the fixture's published resources are.
 */
export interface ReviewFixture {
  spareReview: Record<MatrixActor, Record<Target, number>>;
  featured: Record<Target, number>;
}

export async function addReviewToFixture(t: TestApp, f: MatrixFixture): Promise<ReviewFixture> {
  const db = t.db.db;
  const out: ReviewFixture = { spareReview: {} as ReviewFixture['spareReview'], featured: {} as Record<Target, number> };
  for (const actor of Object.keys(MATRIX_ACTORS) as MatrixActor[]) {
    out.spareReview[actor] = {} as Record<Target, number>;
    for (const target of ['own', 'sibling', 'foreign'] as const) {
      out.spareReview[actor][target] = await addResource(db, {
        schoolId: f.school[target], publisherUserId: f.person[target], title: `矩阵审核-${actor}-${target}`, requestedScope: 'county', reviewStage: 'school',
      });
    }
  }
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    out.featured[target] = await addResource(db, {
      schoolId: f.school[target], publisherUserId: f.person[target], title: `矩阵优课-${target}`, requestedScope: 'county', reviewStage: 'done', feature: 'quality',
    });
  }
  Object.assign(f, out);
  return out;
}

export function reviewOf(f: MatrixFixture): ReviewFixture {
  const r = f as MatrixFixture & Partial<ReviewFixture>;
  if (!r.spareReview || !r.featured) throw new Error('the matrix fixture has no review records: call addReviewToFixture(t, f) in buildMatrixFixture');
  return { spareReview: r.spareReview, featured: r.featured };
}
