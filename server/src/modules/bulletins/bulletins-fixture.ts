import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';

/** Bulletin ids the bulletins matrix acts on: per target school, a published one and a draft naming it. */
export interface BulletinsFixture {
  bulletin: Record<Target, number>;
  draftBulletin: Record<Target, number>;
}

export async function addBulletinsToFixture(t: TestApp, f: MatrixFixture): Promise<BulletinsFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const author = (await db.selectFrom('users').select('id').where('username', '=', 'city.admin').executeTakeFirstOrThrow()).id;
  const out: BulletinsFixture = { bulletin: {} as Record<Target, number>, draftBulletin: {} as Record<Target, number> };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const s = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', f.school[target]).executeTakeFirstOrThrow();
    const add = async (status: 'published' | 'draft') => {
      const row = await db.insertInto('bulletins').values({
        city_id: s.city_id, kind: 'commendation', title: `矩阵表彰-${target}-${status}`, body: '矩阵', issued_on: '2018-04-04', status,
        created_by_user_id: author, created_at: now, published_at: status === 'published' ? now : null,
      }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('bulletin_subjects').values({ bulletin_id: row.id, subject_key: `school:${s.id}`, school_id: s.id, county_id: s.county_id }).execute();
      return row.id;
    };
    out.bulletin[target] = await add('published');
    out.draftBulletin[target] = await add('draft');
  }
  Object.assign(f, out);
  return out;
}

export function bulletinsOf(f: MatrixFixture): BulletinsFixture {
  const r = f as MatrixFixture & Partial<BulletinsFixture>;
  if (!r.bulletin || !r.draftBulletin) throw new Error('the matrix fixture has no bulletins: call addBulletinsToFixture(t, f) in buildMatrixFixture');
  return { bulletin: r.bulletin, draftBulletin: r.draftBulletin };
}
