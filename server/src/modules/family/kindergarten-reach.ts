import type { Static } from 'typebox';
import type { Action } from '../../../../shared/domain.js';
import type { Actor } from '../../access/actor.js';
import { badRequest } from '../../http/errors.js';
import type { FamilyChild, FamilyChildren } from '../students/family-children.js';
import type { ChildRefSchema } from './kindergarten.schema.js';

export type ChildRef = Static<typeof ChildRefSchema>;

/**
 * Which kindergarten children and classes an actor reaches: familyChildren's reach (404 out of
 * reach, so a guessed id tells nothing), then the school's kind. A child of a primary school the
 * actor does reach gets a 400 saying why: pick-up, 晨检 and medication are the kindergarten's.
 */
export function kindergartenReach(children: FamilyChildren) {
  const notKindergarten = (label: string, school: string) => badRequest(
    'KINDERGARTEN_ONLY', `${label}在${school}，不是幼儿园：接送、晨检和委托服药只用于幼儿园的孩子`,
  );

  async function child(actor: Actor, action: Action, studentId: number): Promise<FamilyChild> {
    const c = await children.child(actor, action, studentId);
    if (c.schoolKind !== 'kindergarten') throw notKindergarten(c.label, c.schoolName);
    return c;
  }

  async function klass(actor: Actor, action: Action, classId: number) {
    const k = await children.klass(actor, action, classId);
    if (k.schoolKind !== 'kindergarten') throw notKindergarten(k.name, k.schoolName);
    return k;
  }

  /** The kindergarten children the actor reaches (a guardian's own; class staff's classes'). */
  async function all(actor: Actor, action: Action): Promise<FamilyChild[]> {
    return (await children.children(actor, action)).filter((c) => c.schoolKind === 'kindergarten');
  }

  return { child, klass, all, children };
}

export type KindergartenReach = ReturnType<typeof kindergartenReach>;

export const childRef = (c: FamilyChild): ChildRef => ({
  id: c.id, name: c.name, classId: c.classId, className: c.className, schoolName: c.schoolName, label: c.label,
});

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
