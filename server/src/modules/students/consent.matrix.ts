import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { consentOf } from './consent-fixture.js';

/**
 * Access-matrix entries of the consent routes. Targets: gxsy.parent's child and its class (own), a
 * child and class of another class of 冠县实验小学 (sibling), a child and class of 莘县实验小学
 * (foreign). Bureau and system roles hold no consent action: children's consent is the family's
 * and the school's. A parent reaches only their own child (the other class's child: 404), never a
 * class; the school's teachers read, its principal also records paper forms.
 */
export const consentMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/consents/mine', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/consents/mine' }),
    // Staff hold no guardianship: an empty list.
    expect: allExcept<ListOutcome>(403, { anonymous: 401, principal: '---', teacher: '---', parent: 'o--' }),
  },
  {
    route: 'PUT /api/students/:id/consent', kind: 'item',
    // The default level: the matrix changes no class's cap for other entries.
    request: (f, t) => ({ method: 'PUT', url: `/api/students/${f.student[t]}/consent`, payload: { level: 'internal' } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404], parent: [200, 404, 404] }),
  },
  {
    route: 'GET /api/students/:id/consent/history', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/students/${f.student[t]}/consent/history` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404], teacher: [200, 200, 404], parent: [200, 404, 404] }),
  },
  {
    route: 'GET /api/classes/:id/consents', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/classes/${consentOf(f).consentClass[t]}/consents` }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404], teacher: [200, 200, 404] }),
  },
];
