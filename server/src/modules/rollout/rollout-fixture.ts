import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target, TARGETS } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { DEMO_DEADLINES, seedDemoBatches } from '../../seed/rollout.demo-seed.js';

// The matrix (rollout.matrix.ts) reads the demo deadlines through this fixture: a module's own files never import seed/.
export { DEMO_DEADLINES };

/** What the rollout matrix acts on: the city of the target schools, a batch and a deadline of it. */
export interface RolloutFixture {
  rolloutCityId: number;
  rolloutBatchId: number;
  rolloutDeadlineId: number;
  /** A deadline of the city for each actor and target to try to remove. */
  rolloutSpareDeadline: Record<MatrixActor, Record<Target, number>>;
}

/** Spare deadlines fall due long after every day the matrix asks about, so no overdue list moves. */
export const MATRIX_DEADLINE_DUE = '2030-12-31';

/**
 * Adds the article's batches and deadlines to the matrix's city (the target schools are already
 * programme schools by `schools.batch`), and a spare deadline for each actor and target to try to
 * remove, and attaches the ids to the fixture. Called from buildMatrixFixture.
 */
export async function addRolloutToFixture(t: TestApp, f: MatrixFixture): Promise<RolloutFixture> {
  const db = t.db.db;
  const { city_id: cityId } = await db.selectFrom('schools').select('city_id').where('id', '=', f.school.own).executeTakeFirstOrThrow();
  await seedDemoBatches(db, cityId);
  const batch = await db.selectFrom('rollout_batches').select('id').where('city_id', '=', cityId).where('code', '=', '2018-08').executeTakeFirstOrThrow();
  // The matrix patches it with its own name and day (DEMO_DEADLINES[0]), so nothing else moves.
  const deadline = await db.selectFrom('rollout_deadlines').select('id').where('city_id', '=', cityId).where('name', '=', DEMO_DEADLINES[0]!.name)
    .executeTakeFirstOrThrow();
  const spare = {} as Record<MatrixActor, Record<Target, number>>;
  for (const actor of Object.keys(MATRIX_ACTORS) as MatrixActor[]) {
    spare[actor] = {} as Record<Target, number>;
    for (const target of TARGETS) {
      spare[actor][target] = (await db.insertInto('rollout_deadlines').values({
        city_id: cityId, name: `矩阵待删时间节点 ${actor} ${target}`, due_on: MATRIX_DEADLINE_DUE, applies_to: 'new', batch_code: null,
        requires: JSON.stringify(['registered']), created_at: '2018-03-01T00:00:00.000Z',
      }).returning('id').executeTakeFirstOrThrow()).id;
    }
  }
  const out: RolloutFixture = { rolloutCityId: cityId, rolloutBatchId: batch.id, rolloutDeadlineId: deadline.id, rolloutSpareDeadline: spare };
  Object.assign(f, out);
  return out;
}

/** The rollout part of a fixture that went through addRolloutToFixture. */
export function rolloutOf(f: MatrixFixture): RolloutFixture {
  const r = f as MatrixFixture & Partial<RolloutFixture>;
  if (!r.rolloutCityId || !r.rolloutBatchId || !r.rolloutDeadlineId || !r.rolloutSpareDeadline) {
    throw new Error('the matrix fixture has no rollout: call addRolloutToFixture(t, f) in buildMatrixFixture');
  }
  return { rolloutCityId: r.rolloutCityId, rolloutBatchId: r.rolloutBatchId, rolloutDeadlineId: r.rolloutDeadlineId, rolloutSpareDeadline: r.rolloutSpareDeadline };
}
