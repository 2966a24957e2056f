import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../shared/domain.js';
import type { Grant } from '../../access/actor.js';
import { AppError } from '../../http/errors.js';
import { type AssignmentInput, canGrant, canManage, grantCovers, nodeRefOf, roleConflict, sameAssignment } from './assignments.service.js';

const CITY = 1;
const GUANXIAN = 10;
const SHENXIAN = 11;
const GXSY = 100;
const SXSY = 200;

const grant = (role: Role, node: Partial<Pick<Grant, 'cityId' | 'countyId' | 'schoolId'>> = {}): Grant => ({
  assignmentId: 1, role, department: null, cityId: node.cityId ?? null, countyId: node.countyId ?? null, schoolId: node.schoolId ?? null,
});
const cityNode = { cityId: CITY, countyId: null, schoolId: null };
const countyNode = (countyId: number) => ({ cityId: CITY, countyId, schoolId: null });
const schoolNode = (countyId: number, schoolId: number) => ({ cityId: CITY, countyId, schoolId });
const systemNode = { cityId: null, countyId: null, schoolId: null };

function codeOf(input: AssignmentInput): string {
  try {
    nodeRefOf(input);
    return 'OK';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

describe('nodeRefOf: the node a role must name (ROLE_SCOPE_LEVEL)', () => {
  it('accepts exactly the node level of each role', () => {
    expect(nodeRefOf({ role: 'city_admin', cityId: CITY })).toEqual({ level: 'city', field: 'cityId', id: CITY });
    expect(nodeRefOf({ role: 'county_admin', countyId: GUANXIAN })).toEqual({ level: 'county', field: 'countyId', id: GUANXIAN });
    expect(nodeRefOf({ role: 'dept_staff', department: 'edtech', countyId: GUANXIAN }).level).toBe('county');
    expect(nodeRefOf({ role: 'researcher', cityId: CITY }).level).toBe('city');
    expect(nodeRefOf({ role: 'researcher', countyId: GUANXIAN }).level).toBe('county');
    expect(nodeRefOf({ role: 'inspector', cityId: CITY }).level).toBe('city');
    expect(nodeRefOf({ role: 'inspector', countyId: GUANXIAN }).level).toBe('county');
    expect(nodeRefOf({ role: 'teacher', schoolId: GXSY }).level).toBe('school');
    expect(nodeRefOf({ role: 'auditor' })).toEqual({ level: 'none' });
  });

  it('refuses a wrong, missing or extra node with a message naming the field', () => {
    expect(codeOf({ role: 'city_admin', countyId: GUANXIAN })).toBe('ASSIGNMENT_SCOPE_INVALID');
    expect(codeOf({ role: 'county_admin', countyId: GUANXIAN, cityId: CITY })).toBe('ASSIGNMENT_SCOPE_INVALID');
    expect(codeOf({ role: 'teacher', countyId: GUANXIAN })).toBe('ASSIGNMENT_SCOPE_INVALID');
    expect(codeOf({ role: 'principal' })).toBe('ASSIGNMENT_SCOPE_INVALID');
    expect(codeOf({ role: 'researcher', cityId: CITY, countyId: GUANXIAN })).toBe('ASSIGNMENT_SCOPE_INVALID');
    expect(codeOf({ role: 'researcher', schoolId: GXSY })).toBe('ASSIGNMENT_SCOPE_INVALID');
    expect(codeOf({ role: 'inspector', schoolId: GXSY })).toBe('ASSIGNMENT_SCOPE_INVALID');
    expect(codeOf({ role: 'sysadmin', cityId: CITY })).toBe('ASSIGNMENT_SCOPE_INVALID');
    expect(() => nodeRefOf({ role: 'teacher', countyId: GUANXIAN })).toThrow(/学校（schoolId）/);
  });

  it('requires a department for department staff and only for them', () => {
    expect(codeOf({ role: 'dept_staff', countyId: GUANXIAN })).toBe('ASSIGNMENT_SCOPE_INVALID');
    expect(codeOf({ role: 'teacher', department: 'research', schoolId: GXSY })).toBe('ASSIGNMENT_SCOPE_INVALID');
  });

  it('never grants the parent role by hand', () => {
    expect(codeOf({ role: 'parent' })).toBe('ROLE_NOT_ASSIGNABLE');
  });
});

describe('canGrant: a grantable role at a node inside the granter\'s scope', () => {
  const countyAdmin = [grant('county_admin', { cityId: CITY, countyId: GUANXIAN })];
  const cityAdmin = [grant('city_admin', { cityId: CITY })];
  const secadmin = [grant('secadmin')];

  it('lets a county admin grant county and school roles in their own county only', () => {
    expect(canGrant(countyAdmin, 'teacher', schoolNode(GUANXIAN, GXSY))).toBe(true);
    expect(canGrant(countyAdmin, 'dept_staff', countyNode(GUANXIAN))).toBe(true);
    expect(canGrant(countyAdmin, 'teacher', schoolNode(SHENXIAN, SXSY))).toBe(false);
    expect(canGrant(countyAdmin, 'county_admin', countyNode(SHENXIAN))).toBe(false);
    expect(canGrant(countyAdmin, 'researcher', cityNode)).toBe(false);
    // 督学: a county appoints its own; the city's are the city's.
    expect(canGrant(countyAdmin, 'inspector', countyNode(GUANXIAN))).toBe(true);
    expect(canGrant(countyAdmin, 'inspector', cityNode)).toBe(false);
    expect(canGrant(cityAdmin, 'inspector', cityNode)).toBe(true);
  });

  it('keeps roles above the granter out of reach', () => {
    expect(canGrant(countyAdmin, 'city_admin', cityNode)).toBe(false);
    expect(canGrant(cityAdmin, 'sysadmin', systemNode)).toBe(false);
    expect(canGrant(cityAdmin, 'city_admin', cityNode)).toBe(true);
    expect(canGrant(cityAdmin, 'county_admin', countyNode(SHENXIAN))).toBe(true);
    expect(canGrant(cityAdmin, 'city_admin', { cityId: 2, countyId: null, schoolId: null })).toBe(false);
  });

  it('lets only the security admin grant system roles, and nobody grant through a parent or school role', () => {
    expect(canGrant(secadmin, 'auditor', systemNode)).toBe(true);
    expect(canGrant(secadmin, 'teacher', schoolNode(SHENXIAN, SXSY))).toBe(true);
    expect(canGrant([grant('sysadmin')], 'teacher', schoolNode(GUANXIAN, GXSY))).toBe(false);
    expect(canGrant([grant('principal', { cityId: CITY, countyId: GUANXIAN, schoolId: GXSY })], 'teacher', schoolNode(GUANXIAN, GXSY))).toBe(false);
    expect(grantCovers(grant('parent'), systemNode)).toBe(false);
  });

  it('reads a grant by its lowest node, as scopeOf does', () => {
    const schoolGrant = grant('principal', { cityId: CITY, countyId: GUANXIAN, schoolId: GXSY });
    expect(grantCovers(schoolGrant, schoolNode(GUANXIAN, GXSY))).toBe(true);
    expect(grantCovers(schoolGrant, countyNode(GUANXIAN))).toBe(false);
  });
});

describe('canManage: changing what someone already holds', () => {
  it('manages a parent\'s assignment only installation-wide', () => {
    const parent = { role: 'parent' as const, department: null, ...systemNode };
    expect(canManage([grant('secadmin')], parent)).toBe(true);
    expect(canManage([grant('city_admin', { cityId: CITY })], parent)).toBe(false);
    expect(canManage([grant('auditor')], parent)).toBe(false);
  });

  it('does not let a county admin manage a role in another county', () => {
    const held = { role: 'teacher' as const, department: null, ...schoolNode(SHENXIAN, SXSY) };
    expect(canManage([grant('county_admin', { cityId: CITY, countyId: GUANXIAN })], held)).toBe(false);
    expect(canManage([grant('county_admin', { cityId: CITY, countyId: SHENXIAN })], held)).toBe(true);
  });
});

describe('roleConflict: 三员分立', () => {
  it('keeps each system role alone on its account', () => {
    expect(roleConflict([], 'sysadmin')).toBe(false);
    expect(roleConflict([{ role: 'sysadmin' }], 'auditor')).toBe(true);
    expect(roleConflict([{ role: 'secadmin' }], 'teacher')).toBe(true);
    expect(roleConflict([{ role: 'teacher' }], 'auditor')).toBe(true);
    expect(roleConflict([{ role: 'teacher' }], 'principal')).toBe(false);
  });

  it('treats the same role at another node as a different assignment', () => {
    const a = { role: 'teacher' as const, department: null, ...schoolNode(GUANXIAN, GXSY) };
    expect(sameAssignment(a, { ...a })).toBe(true);
    expect(sameAssignment(a, { ...a, schoolId: 101 })).toBe(false);
  });
});
