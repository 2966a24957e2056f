import { allExcept, type ItemOutcome, type ListOutcome, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { familyOf } from './family-fixture.js';
import { messagesOf } from './messages-fixture.js';

/**
 * Access-matrix entries of the message routes. Targets: the conversations of class A (own:
 * gxsy.parent's child, gxsy.teacher heads it), class B of the same school (sibling) and a class of
 * 莘县 (foreign). Only participants reach a conversation: class A's parent and teacher their own,
 * 404 for B's and 莘县's. The principal is no participant (404 on every conversation) and handles
 * the reports of the school's classes (A and B). Bureau and system roles hold no family action.
 */
const participants = allExcept<ItemOutcome>(403, { anonymous: 401, parent: [200, 404, 404], teacher: [200, 404, 404], principal: 404 });

export const messagesMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/family/conversations', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/family/conversations' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, parent: 'o--', teacher: 'o--', principal: '---' }),
  },
  {
    route: 'GET /api/family/conversations/unread-count', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/family/conversations/unread-count' }),
    expect: allExcept<number>(403, { anonymous: 401, parent: 200, teacher: 200, principal: 200 }),
  },
  {
    route: 'GET /api/family/message-contacts', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/family/message-contacts' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, parent: 'o--', teacher: 'o--', principal: '---' }),
  },
  {
    route: 'POST /api/family/conversations', kind: 'item',
    // A guardian names the class's head; the head names the child's guardian.
    request: (f, t, actor) => {
      const m = messagesOf(f);
      return { method: 'POST', url: '/api/family/conversations', payload: { studentId: familyOf(f).familyChild[t], withUserId: actor === 'teacher' ? m.msgGuardian[t] : m.msgHead[t] } };
    },
    expect: participants,
  },
  {
    route: 'POST /api/family/conversations/class', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: '/api/family/conversations/class', payload: { classId: familyOf(f).familyClass[t] } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, teacher: [200, 404, 404], principal: 404 }),
  },
  {
    route: 'GET /api/family/conversations/:id', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/family/conversations/${messagesOf(f).msgDirect[t]}` }),
    expect: participants,
  },
  {
    route: 'GET /api/family/conversations/:id/messages', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/family/conversations/${messagesOf(f).msgClassConv[t]}/messages` }),
    expect: participants,
  },
  {
    route: 'POST /api/family/conversations/:id/messages', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/family/conversations/${messagesOf(f).msgDirect[t]}/messages`, payload: { body: '矩阵' } }),
    expect: participants,
  },
  {
    route: 'POST /api/family/conversations/:id/read', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/family/conversations/${messagesOf(f).msgClassConv[t]}/read` }),
    expect: participants,
  },
  {
    route: 'POST /api/family/messages/:id/report', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/family/messages/${messagesOf(f).msgOther[t]}/report`, payload: { reason: '矩阵' } }),
    expect: participants,
  },
  {
    route: 'GET /api/family/message-reports', kind: 'list', of: 'student',
    request: () => ({ method: 'GET', url: '/api/family/message-reports?state=all' }),
    expect: allExcept<ListOutcome>(403, { anonymous: 401, principal: 'os-' }),
  },
  {
    route: 'POST /api/family/message-reports/:id/hide', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/family/message-reports/${messagesOf(f).msgHideReport[t]}/hide`, payload: { reason: '矩阵' } }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404] }),
  },
  {
    route: 'POST /api/family/message-reports/:id/dismiss', kind: 'item',
    request: (f, t) => ({ method: 'POST', url: `/api/family/message-reports/${messagesOf(f).msgDismissReport[t]}/dismiss`, payload: {} }),
    expect: allExcept<ItemOutcome>(403, { anonymous: 401, principal: [200, 200, 404] }),
  },
  {
    route: 'GET /api/family/working-hours/mine', kind: 'plain',
    request: () => ({ method: 'GET', url: '/api/family/working-hours/mine' }),
    expect: allExcept<number>(403, { anonymous: 401, teacher: 200, principal: 200 }),
  },
  {
    route: 'PUT /api/family/working-hours/mine', kind: 'plain',
    request: () => ({ method: 'PUT', url: '/api/family/working-hours/mine', payload: { ranges: [] } }),
    expect: allExcept<number>(403, { anonymous: 401, teacher: 200, principal: 200 }),
  },
];
