import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';

/**
 * Access-matrix entries of the student routes. Targets: gxsy.parent's child (own), a child of
 * another class of the same school (sibling), a child of 莘县实验小学 (foreign).
 */
export const studentsMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/students', kind: 'list', of: 'student',
    // Each target child is the first of its class, so the first page holds them.
    request: () => ({ method: 'GET', url: '/api/students?pageSize=100' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, principal: 'os-', teacher: 'os-', parent: 'o--' }),
  },
  {
    route: 'GET /api/students/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/students/${f.student[t]}` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404], teacher: [200, 200, 404], parent: [200, 404, 404] }),
  },
];
