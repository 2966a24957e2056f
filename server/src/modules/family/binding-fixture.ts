import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { addParent, pupilsOf, userId } from './family.test-kit.js';
import { familyOf } from './family-fixture.js';

/**
 * The binding records the matrix tries on each target class (own: class A, gxsy.parent's child's;
 * sibling: class B of the same school; foreign: a class of 莘县实验小学): a code to redeem with a
 * child's name and digits, a code to revoke, and — since confirming, rejecting and removing use
 * a record up — a pending request and a spare guardian per actor and target. gxsy.parent is made
 * guardian of a second child of class A, which the parent's unbinding entry takes away, so the
 * parent's own child stays bound for every other entry.
 */
export interface BindingFixture {
  bindCode: Record<Target, string>;
  bindChild: Record<Target, { name: string; last4: string }>;
  revokeCode: Record<Target, number>;
  confirmRequest: Record<MatrixActor, Record<Target, number>>;
  rejectRequest: Record<MatrixActor, Record<Target, number>>;
  spareGuardian: Record<MatrixActor, Record<Target, { studentId: number; userId: number }>>;
  unbindChild: Record<Target, number>;
}

export async function addBindingToFixture(t: TestApp, f: MatrixFixture): Promise<BindingFixture> {
  const db = t.db.db;
  const { familyClass, familyChild } = familyOf(f);
  const at = new Date().toISOString();
  const teacher = await userId(db, 'gxsy.teacher');
  const requester = await addParent(db, { username: 'binding.matrix', name: '矩阵家长', children: [] });
  const actors = Object.keys(MATRIX_ACTORS) as MatrixActor[];
  const out: BindingFixture = {
    bindCode: {} as BindingFixture['bindCode'], bindChild: {} as BindingFixture['bindChild'], revokeCode: {} as BindingFixture['revokeCode'],
    confirmRequest: Object.fromEntries(actors.map((a) => [a, {}])) as BindingFixture['confirmRequest'],
    rejectRequest: Object.fromEntries(actors.map((a) => [a, {}])) as BindingFixture['rejectRequest'],
    spareGuardian: Object.fromEntries(actors.map((a) => [a, {}])) as BindingFixture['spareGuardian'],
    unbindChild: { ...familyChild },
  };
  const spares = new Map<MatrixActor, number>();
  for (const actor of actors) spares.set(actor, (await addParent(db, { username: `binding.spare.${actor}`, children: [] })).userId);

  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const classId = familyClass[target];
    const pupils = (await pupilsOf(db, classId)).filter((p) => p.id !== familyChild[target]);
    const [toRedeem, toUnbind, toRemove] = [pupils[0]!, pupils[1]!, pupils[2]!];
    const code = async (text: string) => (await db.insertInto('binding_codes').values({
      class_id: classId, code: text, max_uses: 60, expires_at: '2099-01-01T00:00:00.000Z', revoked_at: null, created_by_user_id: teacher, created_at: at,
    }).returning('id').executeTakeFirstOrThrow()).id;
    const bindText = `MXB${target.slice(0, 3).toUpperCase()}234`;
    const codeId = await code(bindText);
    out.bindCode[target] = bindText;
    out.bindChild[target] = { name: toRedeem.name, last4: toRedeem.studentNo.slice(-4) };
    out.revokeCode[target] = await code(`MXR${target.slice(0, 3).toUpperCase()}234`);
    for (const actor of actors) {
      const request = async () => (await db.insertInto('binding_requests').values({
        code_id: codeId, class_id: classId, student_id: toRemove.id, guardian_user_id: requester.userId, relation: '父亲', status: 'pending',
        decided_by_user_id: null, decided_at: null, created_at: at,
      }).returning('id').executeTakeFirstOrThrow()).id;
      out.confirmRequest[actor][target] = await request();
      out.rejectRequest[actor][target] = await request();
      const spare = spares.get(actor)!;
      await db.insertInto('guardianships').values({ user_id: spare, student_id: toRemove.id, relation: '其他' }).execute();
      out.spareGuardian[actor][target] = { studentId: toRemove.id, userId: spare };
    }
    if (target === 'own') {
      await db.insertInto('guardianships').values({ user_id: await userId(db, 'gxsy.parent'), student_id: toUnbind.id, relation: '母亲' }).execute();
      out.unbindChild.own = toUnbind.id;
    }
  }
  Object.assign(f, { binding: out });
  return out;
}

export function bindingOf(f: MatrixFixture): BindingFixture {
  const c = f as MatrixFixture & { binding?: BindingFixture };
  if (!c.binding) throw new Error('the matrix fixture has no binding records: call addBindingToFixture(t, f) in buildMatrixFixture');
  return c.binding;
}
