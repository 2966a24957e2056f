import { type Department, ROLE_SCOPE_LEVEL, type Role, type RoleAssignmentView, SYSTEM_ROLES } from '../../../../shared/domain.js';
import type { Actor, Grant } from '../../access/actor.js';
import { ROLE_PERMISSIONS, grantableRoles } from '../../access/policy.js';
import { personInScope } from '../../access/scope-sql.js';
import { scopeOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthService } from '../auth/auth.service.js';
import * as q from './people.queries.js';
import { ROLE_LABELS } from './role-labels.js';

/**
 * Who may give whom which role, where. The pure functions hold the rules and are unit-tested;
 * the service applies them to the database.
 */

export interface AssignmentInput {
  role: Role;
  department?: Department;
  cityId?: number;
  countyId?: number;
  schoolId?: number;
}

/** The node an assignment is scoped to, with the levels above it filled in (a school's county and city). */
export interface AssignmentNode {
  cityId: number | null;
  countyId: number | null;
  schoolId: number | null;
}

export interface HeldAssignment extends AssignmentNode {
  role: Role;
  department: Department | null;
}

export type NodeRef =
  | { level: 'none' }
  | { level: 'city' | 'county' | 'school'; field: 'cityId' | 'countyId' | 'schoolId'; id: number };

const FIELD_LABELS = { cityId: '市（cityId）', countyId: '县(市、区)（countyId）', schoolId: '学校（schoolId）' } as const;
const NODE_FIELDS = ['cityId', 'countyId', 'schoolId'] as const;

const scopeError = (message: string) => badRequest('ASSIGNMENT_SCOPE_INVALID', message);

/** Checks that a request names exactly the node its role needs (ROLE_SCOPE_LEVEL) and a department only for dept_staff. */
export function nodeRefOf(input: AssignmentInput): NodeRef {
  const label = `「${ROLE_LABELS[input.role]}」角色`;
  const given = NODE_FIELDS.filter((f) => input[f] !== undefined);
  if (input.role === 'dept_staff' && !input.department) {
    throw scopeError(`${label}须指定部门（department：教科所、电教馆或学前教研室之一）`);
  }
  if (input.role !== 'dept_staff' && input.department) throw scopeError('只有业务科室人员角色可以指定部门（department），请去掉该项');
  const level = ROLE_SCOPE_LEVEL[input.role];
  if (level === 'guardian') {
    throw badRequest('ROLE_NOT_ASSIGNABLE', '家长角色随学生的监护关系建立，不能在人员管理中授予');
  }
  if (level === 'system') {
    if (given.length) throw scopeError(`${label}是系统角色，不属于任何单位，请去掉市、县、学校`);
    return { level: 'none' };
  }
  const allowed: readonly (typeof NODE_FIELDS)[number][] =
    level === 'city' ? ['cityId'] : level === 'county' ? ['countyId'] : level === 'school' ? ['schoolId'] : ['cityId', 'countyId'];
  const field = given[0];
  if (given.length !== 1 || !field || !allowed.includes(field)) {
    throw scopeError(`${label}须且只能指定${allowed.map((f) => FIELD_LABELS[f]).join('或')}之一`);
  }
  return { level: field === 'cityId' ? 'city' : field === 'countyId' ? 'county' : 'school', field, id: input[field]! };
}

// A parent's assignment names no node; it must not read as installation-wide.
const isInstallationWide = (g: Grant) => SYSTEM_ROLES.includes(g.role) && g.cityId === null && g.countyId === null && g.schoolId === null;

/** True when the grant's scope contains the node (the same reading of a grant as scopeOf's). */
export function grantCovers(grant: Grant, node: AssignmentNode): boolean {
  if (grant.role === 'parent') return false;
  if (grant.schoolId !== null) return node.schoolId === grant.schoolId;
  if (grant.countyId !== null) return node.countyId === grant.countyId;
  if (grant.cityId !== null) return node.cityId === grant.cityId;
  return isInstallationWide(grant);
}

/** True when one of the grants both may grant `role` and reaches `node`. */
export function canGrant(grants: readonly Grant[], role: Role, node: AssignmentNode): boolean {
  return grants.some((g) => grantableRoles(g.role).includes(role) && grantCovers(g, node));
}

/**
 * True when the actor may change or remove an assignment someone holds: they could have granted
 * it. Parent assignments, which nobody grants here, are managed installation-wide only.
 */
export function canManage(grants: readonly Grant[], held: HeldAssignment): boolean {
  if (held.role === 'parent') {
    return grants.some((g) => isInstallationWide(g) && ROLE_PERMISSIONS[g.role].includes('person:write'));
  }
  return canGrant(grants, held.role, held);
}

/** 三员分立: a system role is the only role of its account. True when adding `role` would break that. */
export function roleConflict(held: readonly { role: Role }[], role: Role): boolean {
  if (!held.length) return false;
  return SYSTEM_ROLES.includes(role) || held.some((h) => SYSTEM_ROLES.includes(h.role));
}

export function sameAssignment(a: HeldAssignment, b: HeldAssignment): boolean {
  return a.role === b.role && a.department === b.department && a.cityId === b.cityId && a.countyId === b.countyId && a.schoolId === b.schoolId;
}

const nodeMissing = (ref: Exclude<NodeRef, { level: 'none' }>) =>
  badRequest('ASSIGNMENT_NODE_NOT_FOUND', `所选${FIELD_LABELS[ref.field]}不存在（id ${ref.id}），请从列表中重新选择`);

export const selfAssignment = () => new AppError(403, 'SELF_ASSIGNMENT', '不能修改自己的角色，请联系上级管理员办理');

/** Role assignments: checking, adding and removing them. */
export function createAssignmentService(deps: { db: Db; clock: Clock; audit: AuditService; auth: AuthService }) {
  const db = deps.db.db;
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });

  async function resolveNode(input: AssignmentInput): Promise<HeldAssignment> {
    const ref = nodeRefOf(input);
    const department = input.department ?? null;
    if (ref.level === 'none') return { role: input.role, department, cityId: null, countyId: null, schoolId: null };
    if (ref.level === 'school') {
      const school = await q.findSchoolNode(db, ref.id);
      if (!school) throw nodeMissing(ref);
      return { role: input.role, department, cityId: school.city_id, countyId: school.county_id, schoolId: school.id };
    }
    const region = await q.findRegion(db, ref.id);
    if (!region || region.level !== ref.level) throw nodeMissing(ref);
    if (ref.level === 'city') return { role: input.role, department, cityId: region.id, countyId: null, schoolId: null };
    if (department && !(await q.findDepartment(db, region.id, department))) {
      throw badRequest('ASSIGNMENT_NODE_NOT_FOUND', '所选县(市、区)未设立该部门（department），请核对后重新选择');
    }
    return { role: input.role, department, cityId: region.parent_id, countyId: region.id, schoolId: null };
  }

  /** Checks one requested assignment for a person already holding `held`; returns the row to write. */
  async function vet(actor: Actor, held: readonly HeldAssignment[], input: AssignmentInput): Promise<HeldAssignment> {
    const candidate = await resolveNode(input);
    if (!canGrant(actor.grants, candidate.role, candidate)) {
      throw new AppError(403, 'ROLE_NOT_GRANTABLE', `您无权在所选单位授予「${ROLE_LABELS[candidate.role]}」角色：只能在本人管理的范围内授予下级角色`);
    }
    if (roleConflict(held, candidate.role)) {
      throw conflict('ROLE_CONFLICT', '三员分立：系统管理员、安全管理员、安全审计员须由不同账号担任，且不能兼任其他角色');
    }
    if (held.some((h) => sameAssignment(h, candidate))) throw conflict('ASSIGNMENT_EXISTS', '该人员已有此角色，无需重复授予');
    return candidate;
  }

  const heldOf = async (userId: number) =>
    (await q.findAssignments(db, userId)).map((r) => ({
      id: r.id, role: r.role as Role, department: r.department, cityId: r.city_id, countyId: r.county_id, schoolId: r.school_id,
    }));

  async function writablePerson(actor: Actor, personId: number) {
    const scope = scopeOf(actor, 'person:write');
    if (!scope) throw forbidden();
    const person = await q.findPerson(db, personInScope(scope, 'users.id', deps.db.dialect), personId);
    if (!person) throw notFound('人员');
    return person;
  }

  async function assign(actor: Actor, personId: number, input: AssignmentInput, ip: string): Promise<RoleAssignmentView> {
    if (personId === actor.userId) {
      await deps.audit.record({ actor: who(actor), action: 'person.assign', targetType: 'user', targetId: personId, result: 'denied', ip, detail: { reason: 'self', role: input.role } });
      throw selfAssignment();
    }
    await writablePerson(actor, personId);
    let row: HeldAssignment;
    try {
      row = await vet(actor, await heldOf(personId), input);
    } catch (err) {
      if (err instanceof AppError && err.code === 'ROLE_NOT_GRANTABLE') {
        await deps.audit.record({ actor: who(actor), action: 'person.assign', targetType: 'user', targetId: personId, result: 'denied', ip, detail: { reason: 'not_grantable', ...input } });
      }
      throw err;
    }
    const id = await q.insertAssignment(db, {
      user_id: personId, role: row.role, department: row.department, city_id: row.cityId, county_id: row.countyId,
      school_id: row.schoolId, created_at: deps.clock.now().toISOString(),
    });
    await deps.audit.record({ actor: who(actor), action: 'person.assign', targetType: 'user', targetId: personId, result: 'success', ip, detail: { assignmentId: id, ...row } });
    const view = (await deps.auth.assignmentViewsOf([personId])).get(personId)?.find((a) => a.id === id);
    if (!view) throw new Error(`assignment ${id} vanished right after insert`);
    return view;
  }

  /** Removes one assignment and ends the person's sessions, so the lost rights stop at once. */
  async function unassign(actor: Actor, personId: number, assignmentId: number, ip: string): Promise<void> {
    if (personId === actor.userId) throw selfAssignment();
    await writablePerson(actor, personId);
    const target = (await heldOf(personId)).find((h) => h.id === assignmentId);
    // An assignment the actor could not have granted is outside their reach, however visible its holder.
    if (!target || !canManage(actor.grants, target)) throw notFound('角色');
    await q.deleteAssignment(db, personId, assignmentId);
    await deps.auth.endSessionsOf(personId);
    await deps.audit.record({ actor: who(actor), action: 'person.unassign', targetType: 'user', targetId: personId, result: 'success', ip, detail: { ...target } });
  }

  return { vet, heldOf, writablePerson, assign, unassign };
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;
