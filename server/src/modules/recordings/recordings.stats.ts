import { sql } from 'kysely';
import { type Actor, scopeOf } from '../../access/actor.js';
import { schoolInScope } from '../../access/scope-sql.js';
import type { Db } from '../../db/database.js';
import { forbidden } from '../../http/errors.js';
import { RECORDING_SCOPE_COLUMNS } from './recordings.queries.js';

export interface SubjectGradeCount {
  subject: string;
  grade: string;
  /** Distinct counted lessons (a lesson of several tracks once). */
  lessons: number;
}

/**
 * Aggregates of recorded lessons for the dashboards, within the caller's recording:read scope.
 * Counted lessons only — ready and `counts` — the same lessons the quota counts, so the subject
 * bars add up to the lessons behind the compliance figures. Apart from the recordings service,
 * which needs the object store, so the figures read the same whether or not media is configured.
 */
export function createRecordingStats(deps: { db: Db }) {
  const db = deps.db.db;

  /** Counted lessons per subject and grade over [from, to] (school days), optionally one county or one school. */
  async function bySubjectAndGrade(
    actor: Actor, query: { from: string; to: string; countyId?: number; schoolId?: number },
  ): Promise<SubjectGradeCount[]> {
    const scope = scopeOf(actor, 'recording:read');
    if (!scope) throw forbidden();
    // (county|city|school)_id, school_day first: the recordings_*_day indexes pick the rows.
    let q = db.selectFrom('recordings').where(schoolInScope(scope, RECORDING_SCOPE_COLUMNS))
      .where('recordings.school_day', '>=', query.from).where('recordings.school_day', '<=', query.to)
      .where('recordings.status', '=', 'ready').where('recordings.counts', '=', 1);
    if (query.countyId !== undefined) q = q.where('recordings.county_id', '=', query.countyId);
    if (query.schoolId !== undefined) q = q.where('recordings.school_id', '=', query.schoolId);
    const rows = await q.select(['recordings.subject', 'recordings.grade', sql<number>`count(distinct recordings.group_id)`.as('lessons')])
      .groupBy(['recordings.subject', 'recordings.grade'])
      .orderBy('recordings.subject').orderBy('recordings.grade')
      .execute();
    return rows.map((r) => ({ subject: r.subject, grade: r.grade, lessons: Number(r.lessons) }));
  }

  return { bySubjectAndGrade };
}

export type RecordingStats = ReturnType<typeof createRecordingStats>;
