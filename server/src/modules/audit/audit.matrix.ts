import { allExcept, type MatrixEntry } from '../../access/matrix/matrix-types.js';

// The audit log is not scoped by the org tree: the auditor reads all of it, every other role none.
const AUDITOR_ONLY = allExcept(403, { anonymous: 401, auditor: 200 });

/** Access-matrix entries for the audit routes (add `...auditMatrix` to the matrix test's list). */
export const auditMatrix: MatrixEntry[] = [
  { route: 'GET /api/audit', kind: 'plain', request: () => ({ method: 'GET', url: '/api/audit' }), expect: AUDITOR_ONLY },
  { route: 'GET /api/audit/export.xlsx', kind: 'plain', request: () => ({ method: 'GET', url: '/api/audit/export.xlsx' }), expect: AUDITOR_ONLY },
  { route: 'GET /api/audit/verify', kind: 'plain', request: () => ({ method: 'GET', url: '/api/audit/verify' }), expect: AUDITOR_ONLY },
];
