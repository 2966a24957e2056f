import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import type { ActivityRow, ReachedLesson, ResearchReach } from './research-reach.js';
import { analyseCodes, codingAgreement, isCodeString, maxSamples } from './st-analysis.js';
import * as q from './st-codings.queries.js';
import type { CodingSchema, LessonCodingsSchema, SaveCodingBody } from './st-codings.schema.js';

type Coding = Static<typeof CodingSchema>;
type LessonCodings = Static<typeof LessonCodingsSchema>;

/** The interval outside an activity until the observer chooses one (the method's usual 30 s). */
export const DEFAULT_INTERVAL_SECONDS = 30;

/** The coding of one row as the API gives it. */
export function toCoding(row: q.CodingRow, actor: Actor, recordingId: number): Coding {
  return {
    id: row.id, recordingId, activityId: row.activity_id, coderUserId: row.coder_user_id, coderName: row.coder_name,
    mine: row.coder_user_id === actor.userId, intervalSeconds: row.interval_seconds, codes: row.codes,
    figures: analyseCodes(row.codes), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** `12 分 30 秒` for the messages. */
function minutes(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m} 分 ${s} 秒` : `${m} 分钟`;
}

/**
 * S-T codings by human observers (S-T 分析): one coding per coder per lesson per activity (or
 * outside any activity), saved again and again while they code. Everything goes through the
 * research reach: a coding made in an activity is seen by those who reach the activity, one made
 * outside any by those who may watch the lesson; unreachable and missing answer 404 alike.
 */
export function createStCodingsService(deps: { db: Db; clock: Clock; reach: ResearchReach }) {
  const db = deps.db.db;
  const { reach } = deps;

  /** The lesson's coding interval there: the activity's, or (outside) the one given. */
  function intervalFor(activity: ActivityRow | null, given: number | undefined): number {
    if (activity) {
      if (given !== undefined && given !== activity.st_interval_seconds) {
        throw badRequest('ST_INTERVAL_FIXED', `本教研活动规定每 ${activity.st_interval_seconds} 秒采样编码一次，不能改用 ${given} 秒`, { intervalSeconds: activity.st_interval_seconds });
      }
      return activity.st_interval_seconds;
    }
    if (given === undefined) throw badRequest('ST_INTERVAL_REQUIRED', '在教研活动之外编码，请先选择采样间隔（10–120 秒）');
    return given;
  }

  /** Refuses a code string that is not T/S/D/- or holds more samples than the lesson. */
  function checkCodes(codes: string, lesson: ReachedLesson, intervalSeconds: number) {
    if (!isCodeString(codes)) {
      const index = [...codes].findIndex((c) => !'TSD-'.includes(c));
      const char = [...codes][index] ?? '';
      const shown = /^[\x20-\x7e\u4e00-\u9fff]$/.test(char) ? char : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      throw badRequest('ST_CODES_INVALID', `编码只能由 T（教师行为）、S（学生行为）、D（师生对话）和 -（未编码）组成：第 ${index + 1} 个是“${shown}”`, { position: index + 1, char: shown });
    }
    const max = maxSamples(lesson.durationSeconds, intervalSeconds);
    if (max !== null && codes.length > max) {
      throw badRequest(
        'ST_CODES_TOO_LONG',
        `编码有 ${codes.length} 个采样点，本课时长 ${minutes(lesson.durationSeconds!)}，每 ${intervalSeconds} 秒一个最多 ${max} 个：请删去课后多出的编码`,
        { samples: codes.length, maxSamples: max, intervalSeconds },
      );
    }
  }

  function canCode(actor: Actor, activity: ActivityRow | null): boolean {
    if (!actor.permissions.has('research:write')) return false;
    try {
      reach.assertReviewsOpen(activity);
      return true;
    } catch {
      return false;
    }
  }

  /** Every coding of the lesson the caller may see there, with Rt, Ch, type, and each pair's agreement. */
  async function list(actor: Actor, where: { recordingId: number; activityId: number | null }): Promise<LessonCodings> {
    const { lesson, activity } = await reach.lesson(actor, where);
    const rows = await q.codingsAt(db, { schoolId: lesson.schoolId, groupId: lesson.groupId, activityId: activity?.id ?? null });
    const codings = rows.map((r) => toCoding(r, actor, lesson.recordingId));
    const agreements: LessonCodings['agreements'] = [];
    for (let i = 0; i < codings.length; i++) {
      for (let j = i + 1; j < codings.length; j++) {
        const a = codings[i]!;
        const b = codings[j]!;
        agreements.push({ aCodingId: a.id, bCodingId: b.id, ...codingAgreement(a, b) });
      }
    }
    const own = codings.find((c) => c.mine);
    const intervalSeconds = activity?.st_interval_seconds ?? own?.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS;
    return {
      recordingId: lesson.recordingId, activityId: activity?.id ?? null, durationSeconds: lesson.durationSeconds,
      intervalSeconds, intervalFixed: activity !== null, maxSamples: maxSamples(lesson.durationSeconds, intervalSeconds),
      canCode: canCode(actor, activity), codings, agreements,
    };
  }

  /** Saves the caller's coding of the lesson there (creating it the first time), while reviews are open. */
  async function save(actor: Actor, body: Static<typeof SaveCodingBody>): Promise<Coding> {
    const { lesson, activity } = await reach.lesson(actor, { recordingId: body.recordingId, activityId: body.activityId });
    reach.assertReviewsOpen(activity);
    const intervalSeconds = intervalFor(activity, body.intervalSeconds);
    checkCodes(body.codes, lesson, intervalSeconds);
    const place = { schoolId: lesson.schoolId, groupId: lesson.groupId, activityId: activity?.id ?? null };
    const now = deps.clock.now().toISOString();
    let id = await q.ownCodingId(db, place, actor.userId);
    if (id === undefined) {
      try {
        id = await q.insertCoding(db, { ...place, coderUserId: actor.userId, recordingId: lesson.recordingId, intervalSeconds, codes: body.codes, now });
      } catch (error) {
        // Another tab of the same coder saved the first coding a moment earlier: update that one.
        if (!q.isUniqueViolation(error)) throw error;
        id = await q.ownCodingId(db, place, actor.userId);
        if (id === undefined) throw error;
      }
    }
    await q.updateCoding(db, id, { intervalSeconds, codes: body.codes, now });
    return toCoding((await q.codingById(db, id))!, actor, lesson.recordingId);
  }

  /** A coding by id, with the lesson and activity it belongs to, when the caller reaches them. */
  async function reached(actor: Actor, id: number) {
    const row = await q.codingById(db, id);
    if (!row || row.recording_id === null) throw notFound('S-T 编码');
    try {
      const { lesson, activity } = await reach.lesson(actor, { recordingId: row.recording_id, activityId: row.activity_id });
      return { row, lesson, activity };
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound('S-T 编码');
      throw error;
    }
  }

  async function get(actor: Actor, id: number): Promise<Coding> {
    const { row, lesson } = await reached(actor, id);
    return toCoding(row, actor, lesson.recordingId);
  }

  /** The coder withdraws their coding (while the activity takes reviews). */
  async function remove(actor: Actor, id: number): Promise<void> {
    const { row, activity } = await reached(actor, id);
    if (row.coder_user_id !== actor.userId) throw new AppError(403, 'ST_CODING_NOT_YOURS', '只能删除自己的 S-T 编码');
    reach.assertReviewsOpen(activity);
    await q.deleteCoding(db, id);
  }

  return { list, save, get, remove };
}

export type StCodingsService = ReturnType<typeof createStCodingsService>;
