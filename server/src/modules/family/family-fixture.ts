import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';

/**
 * The classes and children the family routes are tried on. own: gxsy.parent's child and class
 * (class A, headed by gxsy.teacher); sibling: gxsy.parent2's child and class (class B of the same
 * school: a parent of A, and A's teacher, must get 404 there); foreign: a child and class of
 * 莘县实验小学. Family areas add their own records (a notice of each class, …) in their own
 * fixture files; these are the anchors.
 */
export interface FamilyFixture {
  familyClass: Record<Target, number>;
  familyChild: Record<Target, number>;
}

export async function addFamilyToFixture(t: TestApp, f: MatrixFixture): Promise<FamilyFixture> {
  const familyClass = {} as Record<Target, number>;
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    familyClass[target] = (await t.db.db.selectFrom('students').select('class_id').where('id', '=', f.student[target]).executeTakeFirstOrThrow()).class_id;
  }
  const out = { familyClass, familyChild: { ...f.student } };
  Object.assign(f, out);
  return out;
}

export function familyOf(f: MatrixFixture): FamilyFixture {
  const c = f as MatrixFixture & Partial<FamilyFixture>;
  if (!c.familyClass || !c.familyChild) throw new Error('the matrix fixture has no family classes: call addFamilyToFixture(t, f) in buildMatrixFixture');
  return { familyClass: c.familyClass, familyChild: c.familyChild };
}
