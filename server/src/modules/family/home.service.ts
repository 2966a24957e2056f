import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.js';
import type { FamilyChildren } from '../students/family-children.js';
import type { FamilyChildrenSchema } from './home.schema.js';

type ChildrenAnswer = Static<typeof FamilyChildrenSchema>;

/**
 * The family app's home: whom the signed-in person looks after. A guardian gets their own
 * children with their relation; a class's staff their classes' children; a principal the
 * school's. Scope comes only from familyChildren (the access gate's family reach), so a child
 * out of reach is never in the list.
 */
export function createFamilyHomeService(deps: { children: FamilyChildren }) {
  async function children(actor: Actor): Promise<ChildrenAnswer> {
    const list = await deps.children.children(actor, 'family:read');
    // Relations only for the actor's own guardianships: another guardian's relation is theirs.
    const relations = new Map((await deps.children.guardiansOf(list.map((c) => c.id)))
      .filter((g) => g.userId === actor.userId).map((g) => [g.studentId, g.relation]));
    return {
      items: list.map((c) => ({
        id: c.id, name: c.name, studentNo: c.studentNo, classId: c.classId, className: c.className, gradeLevel: c.gradeLevel,
        schoolId: c.schoolId, schoolName: c.schoolName, schoolKind: c.schoolKind, label: c.label,
        ...(relations.has(c.id) ? { relation: relations.get(c.id)! } : {}),
      })),
    };
  }

  return { children };
}

export type FamilyHomeService = ReturnType<typeof createFamilyHomeService>;
