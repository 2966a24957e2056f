import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry, type MatrixRequest } from '../../access/matrix/matrix-types.js';
import { kindergartenOf } from './kindergarten-fixture.js';
import { PNG, photoPart } from './kindergarten.test-kit.js';

/**
 * Access-matrix entries of the kindergarten routes (pick-up, care). Targets are kindergarten
 * records (kindergarten-fixture.ts): own = class A of 冠县's first kindergarten, sibling = its
 * class B, foreign = 莘县's first kindergarten. The matrix's actors are 冠县实验小学's principal,
 * teacher and parent: none reaches a kindergarten child, so each gets 404 where its role holds
 * the route's action (family:read: parent, teacher, principal; family:write: parent; class:write:
 * teacher, principal) and 403 elsewhere; bureaus never reach a child's record. Class A's parent
 * and teacher getting class B's 404 is in pickup.test.ts and care.test.ts.
 */
const READ = allExcept<ItemOutcome>(403, { anonymous: 401, parent: 404, teacher: 404, principal: 404 });
const WRITE = allExcept<ItemOutcome>(403, { anonymous: 401, parent: 404 });
const DESK = allExcept<ItemOutcome>(403, { anonymous: 401, teacher: 404, principal: 404 });

const photo = (url: string): MatrixRequest => {
  const m = photoPart('photo.png', PNG);
  return { method: 'PUT', url, headers: m.headers, body: m.body };
};

export const kindergartenMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/kindergarten/children', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/kindergarten/children' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, parent: '---', teacher: '---', principal: '---' }),
  },
  {
    route: 'GET /api/kindergarten/classes', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/kindergarten/classes' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, teacher: '---', principal: '---' }),
  },
  {
    route: 'GET /api/kindergarten/classes/:id/day', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/kindergarten/classes/${kindergartenOf(f).kgClass[t]}/day` }),
    expect: DESK,
  },
  {
    route: 'GET /api/kindergarten/children/:id/day', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/kindergarten/children/${kindergartenOf(f).kgChild[t]}/day` }),
    expect: READ,
  },
  {
    route: 'GET /api/kindergarten/children/:id/pickup-people', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/kindergarten/children/${kindergartenOf(f).kgChild[t]}/pickup-people` }),
    expect: READ,
  },
  {
    route: 'POST /api/kindergarten/children/:id/pickup-persons', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/kindergarten/children/${kindergartenOf(f).kgChild[t]}/pickup-persons`, payload: { name: '矩阵舅舅', relation: '舅舅', phone: '13800003333', idLast4: '4321' } }),
    expect: WRITE,
  },
  {
    route: 'DELETE /api/kindergarten/pickup-persons/:id', kind: 'item',
    request: (f, t) => ({ method: 'DELETE', url: `/api/kindergarten/pickup-persons/${kindergartenOf(f).kgPerson[t]}` }),
    expect: WRITE,
  },
  {
    route: 'PUT /api/kindergarten/pickup-persons/:id/photo', kind: 'item',
    request: (f, t) => photo(`/api/kindergarten/pickup-persons/${kindergartenOf(f).kgPerson[t]}/photo`),
    expect: WRITE,
  },
  {
    route: 'GET /api/kindergarten/pickup-persons/:id/photo', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/kindergarten/pickup-persons/${kindergartenOf(f).kgPerson[t]}/photo` }),
    expect: READ,
  },
  {
    route: 'POST /api/kindergarten/children/:id/one-offs', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/kindergarten/children/${kindergartenOf(f).kgChild[t]}/one-offs`, payload: { day: new Date().toISOString().slice(0, 10), name: '矩阵叔叔', relation: '叔叔', phone: '13800004444' } }),
    expect: WRITE,
  },
  {
    route: 'DELETE /api/kindergarten/one-offs/:id', kind: 'item',
    request: (f, t) => ({ method: 'DELETE', url: `/api/kindergarten/one-offs/${kindergartenOf(f).kgOneOff[t]}` }),
    expect: WRITE,
  },
  {
    route: 'PUT /api/kindergarten/one-offs/:id/photo', kind: 'item',
    request: (f, t) => photo(`/api/kindergarten/one-offs/${kindergartenOf(f).kgOneOff[t]}/photo`),
    expect: WRITE,
  },
  {
    route: 'GET /api/kindergarten/one-offs/:id/photo', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/kindergarten/one-offs/${kindergartenOf(f).kgOneOff[t]}/photo` }),
    expect: READ,
  },
  {
    route: 'POST /api/kindergarten/children/:id/pickup', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/kindergarten/children/${kindergartenOf(f).kgChild[t]}/pickup`, payload: { personId: kindergartenOf(f).kgPerson[t] } }),
    expect: DESK,
  },
  {
    route: 'POST /api/kindergarten/children/:id/arrival', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/kindergarten/children/${kindergartenOf(f).kgChild[t]}/arrival`, payload: { broughtBy: '妈妈' } }),
    expect: DESK,
  },
  {
    route: 'PUT /api/kindergarten/children/:id/health-check', kind: 'item',
    request: (f, t) => ({ method: 'PUT', url: `/api/kindergarten/children/${kindergartenOf(f).kgChild[t]}/health-check`, payload: { temperature: 36.5, mouthOk: true, handsOk: true, skinOk: true, status: 'normal' } }),
    expect: DESK,
  },
  {
    route: 'GET /api/kindergarten/children/:id/medications', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/kindergarten/children/${kindergartenOf(f).kgChild[t]}/medications` }),
    expect: READ,
  },
  {
    route: 'POST /api/kindergarten/children/:id/medications', kind: 'item',
    request: (f, t) => {
      const day = new Date().toISOString().slice(0, 10);
      return { method: 'POST', url: `/api/kindergarten/children/${kindergartenOf(f).kgChild[t]}/medications`, payload: { name: '矩阵药', dose: '1 袋', times: ['11:30'], fromDay: day, toDay: day } };
    },
    expect: WRITE,
  },
  {
    route: 'DELETE /api/kindergarten/medications/:id', kind: 'item',
    request: (f, t) => ({ method: 'DELETE', url: `/api/kindergarten/medications/${kindergartenOf(f).kgMedication[t]}` }),
    expect: WRITE,
  },
  {
    route: 'PUT /api/kindergarten/medications/:id/photo', kind: 'item',
    request: (f, t) => photo(`/api/kindergarten/medications/${kindergartenOf(f).kgMedication[t]}/photo`),
    expect: WRITE,
  },
  {
    route: 'GET /api/kindergarten/medications/:id/photo', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/kindergarten/medications/${kindergartenOf(f).kgMedication[t]}/photo` }),
    expect: READ,
  },
  {
    route: 'POST /api/kindergarten/medications/:id/doses', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/kindergarten/medications/${kindergartenOf(f).kgMedication[t]}/doses`, payload: {} }),
    expect: DESK,
  },
];
