import { allExcept, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';

/**
 * Access-matrix entry of the family app's home. Targets: gxsy.parent's child in class A (own), a
 * child of class B of the same school (sibling), a child of 莘县实验小学 (foreign). A parent sees
 * only their own child. gxsy.teacher is class staff of class A only, so a teacher's list holds
 * class A's children and never class B's ('o--'); the principal reaches the whole school
 * ('os-'). Bureau and system roles hold no family:read (children's records are the family's and
 * the school's): 403.
 */
export const familyHomeMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/family/children', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/family/children' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, parent: 'o--', teacher: 'o--', principal: 'os-' }),
  },
];
