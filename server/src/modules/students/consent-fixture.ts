import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';

/**
 * The classes the consent routes are tried on: each target child's class (own: gxsy.parent's
 * child's class; sibling: another class of 冠县实验小学; foreign: a class of 莘县实验小学).
 */
export interface ConsentFixture {
  consentClass: Record<Target, number>;
}

export async function addConsentToFixture(t: TestApp, f: MatrixFixture): Promise<ConsentFixture> {
  const consentClass = {} as Record<Target, number>;
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    consentClass[target] = (await t.db.db.selectFrom('students').select('class_id').where('id', '=', f.student[target]).executeTakeFirstOrThrow()).class_id;
  }
  Object.assign(f, { consentClass });
  return { consentClass };
}

export function consentOf(f: MatrixFixture): ConsentFixture {
  const c = f as MatrixFixture & Partial<ConsentFixture>;
  if (!c.consentClass) throw new Error('the matrix fixture has no consent classes: call addConsentToFixture(t, f) in buildMatrixFixture');
  return { consentClass: c.consentClass };
}
