import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';

/** Visit ids the inspections matrix acts on: one visit per target school, with two open follow-ups. */
export interface InspectionsFixture {
  inspection: Record<Target, number>;
  /** A follow-up the school's principal may rectify. */
  followUp: Record<Target, number>;
  /** Another, which the inspectors may verify (apart, so the order of entries does not matter). */
  reviewFollowUp: Record<Target, number>;
}

/** Adds a visit with two follow-ups to each target school of the access matrix (`f.inspection` …). */
export async function addInspectionsToFixture(t: TestApp, f: MatrixFixture): Promise<InspectionsFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const author = (await db.selectFrom('users').select('id').where('username', '=', 'city.admin').executeTakeFirstOrThrow()).id;
  const out: InspectionsFixture = { inspection: {} as Record<Target, number>, followUp: {} as Record<Target, number>, reviewFollowUp: {} as Record<Target, number> };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const s = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', f.school[target]).executeTakeFirstOrThrow();
    const place = { school_id: s.id, county_id: s.county_id, city_id: s.city_id };
    const row = await db.insertInto('inspections').values({
      ...place, visited_on: '2018-04-02', inspectors: '矩阵检查组', items: JSON.stringify([{ item: 'room_use', ok: false }]),
      findings: `矩阵检查-${target}`, rating: 'fair', created_by_user_id: author, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const followUp = async (description: string) => (await db.insertInto('inspection_follow_ups').values({
      ...place, inspection_id: row.id, description, due_on: '2018-04-20', status: 'open', rectification_note: null, rectified_at: null,
      rectified_by_user_id: null, review_comment: null, verified_at: null, verified_by_user_id: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
    out.inspection[target] = row.id;
    out.followUp[target] = await followUp('矩阵整改');
    out.reviewFollowUp[target] = await followUp('矩阵验收');
  }
  Object.assign(f, out);
  return out;
}

/** The inspections part of a fixture that went through addInspectionsToFixture. */
export function inspectionsOf(f: MatrixFixture): InspectionsFixture {
  const r = f as MatrixFixture & Partial<InspectionsFixture>;
  if (!r.inspection || !r.followUp || !r.reviewFollowUp) throw new Error('the matrix fixture has no inspections: call addInspectionsToFixture(t, f) in buildMatrixFixture');
  return { inspection: r.inspection, followUp: r.followUp, reviewFollowUp: r.reviewFollowUp };
}
