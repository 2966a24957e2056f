import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { addResource } from './resources.test-kit.js';
import { reindexResource } from './search-index.js';

/**
 * Resources the matrix acts on. Per target school: a courseware resource published county-wide
 * by the target's matrix teacher (titled `矩阵资源-<target>`), and one still waiting for the
 * school's review (`矩阵待审-<target>`). From the actors' side: 冠县's people reach the own and
 * sibling published resources (the same county), not the foreign one; the city reaches all
 * three; the principal (and county and city staff) also reach their schools' pending ones.
 */
export interface ResourcesFixture {
  resource: Record<Target, number>;
  pendingResource: Record<Target, number>;
}

export async function addResourcesToFixture(t: TestApp, f: MatrixFixture): Promise<ResourcesFixture> {
  const db = t.db.db;
  const out: ResourcesFixture = { resource: {} as Record<Target, number>, pendingResource: {} as Record<Target, number> };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    out.resource[target] = await addResource(db, {
      schoolId: f.school[target], publisherUserId: f.person[target], title: `矩阵资源-${target}`, requestedScope: 'county', reviewStage: 'done',
    });
    out.pendingResource[target] = await addResource(db, {
      schoolId: f.school[target], publisherUserId: f.person[target], title: `矩阵待审-${target}`, requestedScope: 'county', reviewStage: 'school',
    });
    // Searchable like any published or pending resource (search.matrix.ts finds them by title).
    await reindexResource(db, out.resource[target]);
    await reindexResource(db, out.pendingResource[target]);
  }
  Object.assign(f, out);
  return out;
}

export function resourcesOf(f: MatrixFixture): ResourcesFixture {
  const r = f as MatrixFixture & Partial<ResourcesFixture>;
  if (!r.resource || !r.pendingResource) throw new Error('the matrix fixture has no resources: call addResourcesToFixture(t, f) in buildMatrixFixture');
  return { resource: r.resource, pendingResource: r.pendingResource };
}
