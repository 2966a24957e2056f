import type { MatrixFixture } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { DEMO_DEADLINES, seedDemoBatches } from './rollout.demo-seed.js';

/** What the rollout matrix acts on: the city of the target schools, a batch and a deadline of it. */
export interface RolloutFixture {
  rolloutCityId: number;
  rolloutBatchId: number;
  rolloutDeadlineId: number;
}

/**
 * Adds the article's batches and deadlines to the matrix's city (the target schools are already
 * programme schools by `schools.batch`) and attaches the ids to the fixture. Called from buildMatrixFixture.
 */
export async function addRolloutToFixture(t: TestApp, f: MatrixFixture): Promise<RolloutFixture> {
  const db = t.db.db;
  const { city_id: cityId } = await db.selectFrom('schools').select('city_id').where('id', '=', f.school.own).executeTakeFirstOrThrow();
  await seedDemoBatches(db, cityId);
  const batch = await db.selectFrom('rollout_batches').select('id').where('city_id', '=', cityId).where('code', '=', '2018-08').executeTakeFirstOrThrow();
  // The matrix patches it with its own name and day (DEMO_DEADLINES[0]), so nothing else moves.
  const deadline = await db.selectFrom('rollout_deadlines').select('id').where('city_id', '=', cityId).where('name', '=', DEMO_DEADLINES[0]!.name)
    .executeTakeFirstOrThrow();
  const out: RolloutFixture = { rolloutCityId: cityId, rolloutBatchId: batch.id, rolloutDeadlineId: deadline.id };
  Object.assign(f, out);
  return out;
}

/** The rollout part of a fixture that went through addRolloutToFixture. */
export function rolloutOf(f: MatrixFixture): RolloutFixture {
  const r = f as MatrixFixture & Partial<RolloutFixture>;
  if (!r.rolloutCityId || !r.rolloutBatchId || !r.rolloutDeadlineId) throw new Error('the matrix fixture has no rollout: call addRolloutToFixture(t, f) in buildMatrixFixture');
  return { rolloutCityId: r.rolloutCityId, rolloutBatchId: r.rolloutBatchId, rolloutDeadlineId: r.rolloutDeadlineId };
}
