import type { Actor } from '../../access/actor.js';
import type { Db } from '../../db/database.js';
import type { FamilyChildren } from '../students/family-children.js';
import { schoolInSenderReach } from './notices.queries.js';
import { senderPowers, senderReachOf } from './notices.rules.js';

/**
 * What a sender's compose form offers: a teacher their classes; a principal the school's classes,
 * grades and the school; a bureau its schools and counties (classes of a whole county would be
 * thousands of rows: a bureau picks schools or counties).
 */
export function createNoticeAudience(deps: { db: Db; children: FamilyChildren }) {
  const db = deps.db.db;

  async function options(actor: Actor) {
    const reach = senderReachOf(actor);
    const powers = senderPowers(reach);
    const classes = reach.family ? await deps.children.classes(actor, 'notice:write') : [];
    const schoolIds = reach.family?.schoolIds ?? [];
    const grades = schoolIds.length
      ? await db.selectFrom('grades').innerJoin('schools', 'schools.id', 'grades.school_id')
        .select(['grades.id', 'grades.name', 'grades.school_id', 'schools.name as school_name'])
        .where('grades.school_id', 'in', schoolIds).orderBy('grades.school_id').orderBy('grades.level').execute()
      : [];
    const schools = powers.kinds.includes('schools')
      ? await db.selectFrom('schools').select(['schools.id', 'schools.name', 'schools.county_id']).where(schoolInSenderReach(reach))
        .orderBy('schools.county_id').orderBy('schools.id').execute()
      : [];
    const countyIds = [...new Set(schools.map((s) => s.county_id))];
    const counties = reach.bureau && countyIds.length
      ? await db.selectFrom('regions').select(['id', 'name']).where('id', 'in', countyIds).where('level', '=', 'county').orderBy('id').execute()
      : [];
    return {
      kinds: powers.kinds, mayUrgent: powers.mayUrgent, mayEmergency: powers.mayEmergency,
      classes: classes.map((c) => ({ id: c.id, name: c.name, schoolId: c.schoolId, schoolName: c.schoolName })),
      grades: grades.map((g) => ({ id: g.id, name: g.name, schoolId: g.school_id, schoolName: g.school_name })),
      schools: schools.map((s) => ({ id: s.id, name: s.name, countyId: s.county_id })),
      counties: counties.map((c) => ({ id: c.id, name: c.name })),
    };
  }

  return { options };
}

export type NoticeAudience = ReturnType<typeof createNoticeAudience>;
