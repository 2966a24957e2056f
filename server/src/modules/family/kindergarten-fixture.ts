import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { userId } from './family.test-kit.js';
import { kindergartenAnchors } from './kindergarten.test-kit.js';

/**
 * The kindergarten records the matrix tries: the matrix's targets are primary pupils, so this area
 * brings its own. own: gxyey.parent's child (class A of 冠县's first kindergarten, gxyey.teacher
 * heads it); sibling: gxyey.parent2's child (class B); foreign: a child of 莘县's first
 * kindergarten. None of the matrix's actors (gxsy.*) reaches any of them: every item is a probe
 * from the attacker's side (404), as a primary school's parent, teacher and principal.
 */
export interface KindergartenFixture {
  kgChild: Record<Target, number>;
  kgClass: Record<Target, number>;
  kgPerson: Record<Target, number>;
  kgOneOff: Record<Target, number>;
  kgMedication: Record<Target, number>;
}

export async function addKindergartenToFixture(t: TestApp, f: MatrixFixture): Promise<KindergartenFixture> {
  const db = t.db.db;
  const k = await kindergartenAnchors(db);
  const by = await userId(db, 'gxyey.parent');
  const at = new Date().toISOString();
  const day = at.slice(0, 10);
  const kgChild = { own: k.childA, sibling: k.childB, foreign: k.foreignChild };
  const kgClass = { own: k.classA, sibling: k.classB, foreign: k.foreignClass };
  const out: KindergartenFixture = { kgChild, kgClass, kgPerson: {} as Record<Target, number>, kgOneOff: {} as Record<Target, number>, kgMedication: {} as Record<Target, number> };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const student_id = kgChild[target];
    out.kgPerson[target] = (await db.insertInto('pickup_persons').values({
      student_id, name: '矩阵外公', relation: '外公', phone: '13800001111', id_last4: '1234', birth_date: null, photo_key: null, photo_type: null,
      active: 1, created_by_user_id: by, created_at: at, disabled_at: null,
    }).returning('id').executeTakeFirstOrThrow()).id;
    out.kgOneOff[target] = (await db.insertInto('pickup_one_offs').values({
      student_id, day, name: '矩阵阿姨', relation: '邻居', phone: '13800002222', photo_key: null, photo_type: null, created_by_user_id: by, created_at: at, used_at: null, cancelled_at: null,
    }).returning('id').executeTakeFirstOrThrow()).id;
    out.kgMedication[target] = (await db.insertInto('medications').values({
      student_id, name: '矩阵药', dose: '1 袋', times: '["11:30"]', from_day: day, to_day: day, note: '', photo_key: null, photo_type: null,
      created_by_user_id: by, created_at: at, cancelled_at: null,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }
  Object.assign(f, out);
  return out;
}

export function kindergartenOf(f: MatrixFixture): KindergartenFixture {
  const c = f as MatrixFixture & Partial<KindergartenFixture>;
  if (!c.kgChild || !c.kgClass || !c.kgPerson || !c.kgOneOff || !c.kgMedication) {
    throw new Error('the matrix fixture has no kindergarten records: call addKindergartenToFixture(t, f) in buildMatrixFixture');
  }
  return { kgChild: c.kgChild, kgClass: c.kgClass, kgPerson: c.kgPerson, kgOneOff: c.kgOneOff, kgMedication: c.kgMedication };
}
