import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { CONSENT_LEVELS, type ConsentLevel, DEFAULT_CONSENT, type ResourceScope, consentCap } from '../../../../shared/resources.js';

/**
 * The widest scope a class's lessons may be published to: the least consent among its pupils
 * (a pupil without a consent row holds the default, internal). A class without pupils is not
 * capped. Resources ask this when a lesson is published and again when consent changes.
 */
export async function classConsentCap(db: Kysely<Database>, classId: number): Promise<{ cap: ResourceScope; least: ConsentLevel | null; pupils: number }> {
  const rows = await db.selectFrom('students')
    .leftJoin('student_consents', 'student_consents.student_id', 'students.id')
    .select(['students.id', 'student_consents.level'])
    .where('students.class_id', '=', classId)
    .execute();
  const levels = rows.map((r) => (r.level ?? DEFAULT_CONSENT) as ConsentLevel);
  const cap = consentCap(levels);
  const least = levels.length ? CONSENT_LEVELS[Math.min(...levels.map((l) => CONSENT_LEVELS.indexOf(l)))]! : null;
  return { cap, least, pupils: rows.length };
}
