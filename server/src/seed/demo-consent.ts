import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ConsentLevel } from '../../../shared/resources.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';

type Db = Kysely<Database>;

/** How many classes of each demo school get consents (the first ones, by id). */
const CLASSES_PER_SCHOOL = 3;

export interface DemoConsent {
  classes: number;
  pupils: number;
  /** The class one pupil holds back to county consent: its lessons reach the county at most. */
  cappedClassId: number | null;
}

/**
 * Guardians' consent in the demo: in the first classes of the three demo schools (冠县实验小学,
 * 冠县第二实验小学, 莘县实验小学) every pupil's guardians agreed to city-wide use — given online by
 * the named parents for their own children, recorded from paper forms by the principal for the
 * rest — except one pupil of gxsy.parent2's child's class who allows the county only, so that
 * class shows a capped class (its lessons reach the county at most). Runs once: nothing is added
 * once any consent exists. Lessons seeded after this should respect `classConsentCap`.
 */
export async function seedDemoConsent(db: Db, now: Date): Promise<DemoConsent> {
  const none: DemoConsent = { classes: 0, pupils: 0, cappedClassId: null };
  if (await db.selectFrom('student_consents').select('student_id').limit(1).executeTakeFirst()) return none;
  const at = now.toISOString();
  const guardians = new Map((await db.selectFrom('guardianships').select(['student_id', 'user_id']).execute()).map((g) => [g.student_id, g.user_id]));
  const capped = await db.selectFrom('guardianships').innerJoin('users', 'users.id', 'guardianships.user_id')
    .innerJoin('students', 'students.id', 'guardianships.student_id')
    .select(['students.id', 'students.class_id']).where('users.username', '=', 'gxsy.parent2').executeTakeFirst();
  const cappedSchoolId = capped ? (await db.selectFrom('classes').select('school_id').where('id', '=', capped.class_id).executeTakeFirstOrThrow()).school_id : null;
  let classes = 0;
  let pupils = 0;
  for (const { code } of Object.values(DEMO_SCHOOLS)) {
    const school = await db.selectFrom('schools').select('id').where('code', '=', code).executeTakeFirst();
    if (!school) continue;
    const principal = await db.selectFrom('role_assignments').select('user_id')
      .where('school_id', '=', school.id).where('role', '=', 'principal').orderBy('id').executeTakeFirst();
    if (!principal) continue;
    const classIds = (await db.selectFrom('classes').select('id').where('school_id', '=', school.id).orderBy('id').limit(CLASSES_PER_SCHOOL).execute()).map((c) => c.id);
    if (capped && cappedSchoolId === school.id && !classIds.includes(capped.class_id)) classIds.push(capped.class_id);
    for (const classId of classIds) {
      const kids = await db.selectFrom('students').select('id').where('class_id', '=', classId).orderBy('id').execute();
      // Someone other than the named parent's own child holds back: the parent's page stays city.
      const holdout = classId === capped?.class_id ? kids.find((k) => k.id !== capped.id)?.id : undefined;
      const rows = kids.map((k) => {
        const level: ConsentLevel = k.id === holdout ? 'county' : 'city';
        return { student_id: k.id, level, by_user_id: guardians.get(k.id) ?? principal.user_id };
      });
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        await db.insertInto('student_consents').values(chunk.map((r) => ({ ...r, updated_at: at }))).execute();
        await db.insertInto('student_consent_changes').values(chunk.map((r) => ({ student_id: r.student_id, from_level: 'internal' as const, to_level: r.level, by_user_id: r.by_user_id, at }))).execute();
      }
      classes++;
      pupils += rows.length;
    }
  }
  return { classes, pupils, cappedClassId: capped?.class_id ?? null };
}
