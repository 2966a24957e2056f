import type { Actor } from '../../access/actor.js';
import { scopeOf } from '../../access/actor.js';
import { regionInScope, schoolInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import { inIdBatches } from '../../db/batches.js';
import type { Db } from '../../db/database.js';
import type { Updateable } from 'kysely';
import type { SchoolTable } from '../../db/schema.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import * as q from './org.queries.js';

export type SchoolFilter = q.SchoolFilter;
type SchoolRow = Awaited<ReturnType<typeof q.listSchools>>[number];

export interface SchoolView {
  id: number; code: string; name: string; kind: SchoolTable['kind']; countyId: number; countyName: string;
  cityId: number; township: string; locality: SchoolTable['locality']; poorVillage: boolean; studentCount: number;
  staffCount: number; address: string; contactName: string; contactPhone: string; batch: string | null;
}

/** A school as exported: its view, and whether the rollout has it as already built (已建成录播室). */
export interface SchoolExportRow extends SchoolView {
  built: boolean;
}

export function toSchoolView(r: SchoolRow): SchoolView {
  return {
    id: r.id, code: r.code, name: r.name, kind: r.kind, countyId: r.county_id, countyName: r.county_name,
    cityId: r.city_id, township: r.township, locality: r.locality, poorVillage: r.poor_village === 1,
    studentCount: r.student_count, staffCount: r.staff_count, address: r.address, contactName: r.contact_name,
    contactPhone: r.contact_phone, batch: r.batch,
  };
}

/** The org tree: regions, departments, schools, grades and classes, each read within the caller's scope. */
export function createOrgService(deps: {
  db: Db; clock: Clock; audit: AuditService;
  /** The rollout's 已建成录播室 flags for the school export, passed in: org sits below the rollout. */
  builtSchoolIds: (schoolIds: readonly number[]) => Promise<Set<number>>;
}) {
  const db = deps.db.db;

  function scopeFor(actor: Actor, action: Parameters<typeof scopeOf>[1]) {
    const scope = scopeOf(actor, action);
    if (!scope) throw forbidden();
    return scope;
  }

  async function listSchools(actor: Actor, filter: SchoolFilter, page: number, pageSize: number) {
    const where = schoolInScope(scopeFor(actor, 'org:read'));
    const [rows, total] = await Promise.all([
      q.listSchools(db, where, filter, pageSize, (page - 1) * pageSize),
      q.countSchools(db, where, filter),
    ]);
    return { items: rows.map(toSchoolView), total, page, pageSize };
  }

  async function getSchool(actor: Actor, id: number): Promise<SchoolView> {
    const row = await q.findSchool(db, schoolInScope(scopeFor(actor, 'org:read')), id);
    if (!row) throw notFound('学校');
    return toSchoolView(row);
  }

  async function updateSchool(actor: Actor, id: number, patch: Partial<Pick<SchoolView,
    'name' | 'township' | 'locality' | 'poorVillage' | 'studentCount' | 'staffCount' | 'address' | 'contactName' | 'contactPhone'>>, ip: string) {
    const row = await q.findSchool(db, schoolInScope(scopeFor(actor, 'school:write')), id);
    if (!row) throw notFound('学校');
    const set: Updateable<SchoolTable> = { updated_at: deps.clock.now().toISOString() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.township !== undefined) set.township = patch.township;
    if (patch.locality !== undefined) set.locality = patch.locality;
    if (patch.poorVillage !== undefined) set.poor_village = patch.poorVillage ? 1 : 0;
    if (patch.studentCount !== undefined) set.student_count = patch.studentCount;
    if (patch.staffCount !== undefined) set.staff_count = patch.staffCount;
    if (patch.address !== undefined) set.address = patch.address;
    if (patch.contactName !== undefined) set.contact_name = patch.contactName;
    if (patch.contactPhone !== undefined) set.contact_phone = patch.contactPhone;
    await q.updateSchool(db, id, set);
    await deps.audit.record({ actor: { userId: actor.userId, name: actor.name }, action: 'school.update', targetType: 'school', targetId: id, result: 'success', ip, detail: { changed: Object.keys(patch) } });
    return getSchool(actor, id);
  }

  async function listClasses(actor: Actor, schoolId: number) {
    await getSchool(actor, schoolId);
    const grades = new Map<number, { id: number; name: string; level: number; classes: { id: number; name: string }[] }>();
    for (const r of await q.listGradesWithClasses(db, schoolId)) {
      const g = grades.get(r.grade_id) ?? { id: r.grade_id, name: r.grade_name, level: r.level, classes: [] };
      if (r.class_id !== null && r.class_name !== null) g.classes.push({ id: r.class_id, name: r.class_name });
      grades.set(r.grade_id, g);
    }
    return [...grades.values()];
  }

  async function listRegions(actor: Actor) {
    const regions = await q.listRegions(db, regionInScope(scopeFor(actor, 'org:read')));
    const departments = await q.listDepartments(db, regions.filter((r) => r.level === 'county').map((r) => r.id));
    return regions.map((r) => ({
      id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id, bureauName: r.bureau_name,
      departments: departments.filter((d) => d.region_id === r.id).map((d) => ({ id: d.id, kind: d.kind, name: d.name })),
    }));
  }

  async function summary(actor: Actor) {
    const rows = await q.schoolCountsByCounty(db, schoolInScope(scopeFor(actor, 'org:read')));
    const byCounty = rows.map((r) => ({
      id: r.id, code: r.code, name: r.name, schools: Number(r.schools), kindergartens: Number(r.kindergartens),
      primaryAndJunior: Number(r.schools) - Number(r.kindergartens), poorVillage: Number(r.poor_village),
    }));
    const sum = (k: 'schools' | 'kindergartens' | 'poorVillage') => byCounty.reduce((n, c) => n + c[k], 0);
    return { counties: byCounty.length, schools: sum('schools'), kindergartens: sum('kindergartens'), poorVillage: sum('poorVillage'), byCounty };
  }

  /**
   * Rows for an export, read in batches. The scope is settled before the first byte is sent;
   * the caller audits the export with its row count.
   */
  function exportSchools(actor: Actor, filter: SchoolFilter): AsyncIterable<SchoolExportRow> {
    const where = schoolInScope(scopeFor(actor, 'school:export'));
    return inIdBatches(async (after, limit) => {
      const rows = await q.schoolsAfter(db, where, filter, after, limit);
      const built = await deps.builtSchoolIds(rows.map((r) => r.id));
      return rows.map((r) => ({ ...toSchoolView(r), built: built.has(r.id) }));
    });
  }

  return { listSchools, getSchool, updateSchool, listClasses, listRegions, summary, exportSchools };
}

export type OrgService = ReturnType<typeof createOrgService>;
