import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { EnqueueOptions } from '../../jobs/job-queue.js';
import type { AuditService } from '../audit/audit.service.js';
import { cohensKappa } from './agreement.js';
import type { ActivityRow, ReachedLesson, ResearchReach } from './research-reach.js';
import { enqueueDraft, ST_AUDIO_DEFAULT_INTERVAL, type StAudioDetail } from './st-audio.jobs.js';
import * as q from './st-audio.queries.js';
import { ST_AUDIO_MAX_INTERVAL, ST_AUDIO_MIN_INTERVAL } from './st-audio.schema.js';

type Enqueue = (kind: string, payload: unknown, opts?: EnqueueOptions) => Promise<number>;

export interface StAudioWhere {
  activityId?: number | null;
  intervalSeconds?: number;
}

/**
 * The automatic S-T draft of a lesson as people ask for it and read it: whoever may review the
 * lesson (the research reach: in an activity they reach, or a lesson they may watch) may request
 * a draft — the worker computes it (st-audio.jobs.ts) — and read it beside the human codings of
 * the same place, as the S-T tool shows them (made in that activity, or outside any), with Cohen's
 * kappa against each.
 *
 * Agreement: intervals where either side has '-' are skipped — the draft's '-' says the audio was
 * mostly silence (seat work, a pause), where the S-T method still wants a human's judgement, and a
 * coder's '-' is an interval left uncoded — so neither abstention counts for or against; `items`
 * says how many intervals were compared. D (dialogue), which the draft never gives, is a
 * disagreement. A coding at another interval is not compared (`comparable: false`).
 *
 * A draft belongs to the lesson (its school and group), not to an activity: it is the same sound
 * whoever asks, so one computation serves every activity the lesson is attached to.
 */
export function createStAudioService(deps: { db: Kysely<Database>; clock: Clock; reach: ResearchReach; enqueue: Enqueue; audit: AuditService }) {
  const { db } = deps;

  function intervalOf(where: StAudioWhere, activity: ActivityRow | null): number {
    const wanted = where.intervalSeconds ?? activity?.st_interval_seconds ?? ST_AUDIO_DEFAULT_INTERVAL;
    return Math.min(ST_AUDIO_MAX_INTERVAL, Math.max(ST_AUDIO_MIN_INTERVAL, wanted));
  }

  /** The draft of a lesson at an interval, with its agreement with each human coding the actor may see. */
  async function get(actor: Actor, recordingId: number, where: StAudioWhere) {
    const { lesson, activity } = await deps.reach.lesson(actor, { recordingId, activityId: where.activityId ?? null });
    const interval = intervalOf(where, activity);
    const row = await q.draftOf(db, lesson.schoolId, lesson.groupId, interval);
    return view(recordingId, lesson, activity, interval, row);
  }

  /**
   * Asks for a draft: a new one is queued; one queued or done stays as it is; one unavailable or
   * failed is asked again (a track may have been processed since). The worker does the rest.
   */
  async function request(who: { actor: Actor; ip: string }, recordingId: number, where: StAudioWhere) {
    const { actor } = who;
    const { lesson, activity } = await deps.reach.lesson(actor, { recordingId, activityId: where.activityId ?? null });
    const interval = intervalOf(where, activity);
    const now = deps.clock.now().toISOString();
    const row = await db.transaction().execute(async (trx) => {
      const existing = await q.draftOf(trx, lesson.schoolId, lesson.groupId, interval);
      if (existing?.status === 'done') return existing;
      if (existing?.status === 'queued') {
        // Its job exists (the key dedupes); this heals a request whose job was never written.
        await enqueueDraft(deps.enqueue, existing, trx);
        return existing;
      }
      const queued = existing ? await q.requeueDraft(trx, existing, now) : (await q.insertQueuedDraft(trx, lesson, interval, now)).row;
      await enqueueDraft(deps.enqueue, queued, trx);
      return queued;
    });
    await deps.audit.record({
      actor: { userId: actor.userId, name: actor.name }, ip: who.ip, action: 'research.st_audio.request', targetType: 'recording',
      targetId: recordingId, result: 'success', detail: { schoolId: lesson.schoolId, groupId: lesson.groupId, intervalSeconds: interval, state: row.status },
    });
    return view(recordingId, lesson, activity, interval, row);
  }

  async function view(recordingId: number, lesson: ReachedLesson, activity: ActivityRow | null, interval: number, row: q.StAudioDraftRow | undefined) {
    const codings = await q.codingsOfLesson(db, lesson, activity?.id ?? null);
    const draft = row?.status === 'done' && row.codes ? [...row.codes] : null;
    return {
      recordingId,
      activityId: activity?.id ?? null,
      intervalSeconds: interval,
      state: row?.status ?? ('none' as const),
      reasonCode: row?.reason_code ?? null,
      reasonMessage: row?.reason_message ?? null,
      codes: draft ? row!.codes : null,
      detail: draft && row!.detail ? (JSON.parse(row!.detail) as StAudioDetail) : null,
      requestedAt: row?.requested_at ?? null,
      computedAt: row?.computed_at ?? null,
      agreements: codings.map((c) => {
        const comparable = draft !== null && c.interval_seconds === interval;
        const k = comparable ? cohensKappa(draft!, [...c.codes]) : null;
        return {
          codingId: c.id, coderUserId: c.coder_user_id, coderName: c.coder_name, activityId: c.activity_id, intervalSeconds: c.interval_seconds,
          codedAt: c.updated_at, comparable, kappa: k?.kappa ?? null, observed: k?.observed ?? null, items: k?.items ?? 0,
          intervals: comparable ? Math.min(draft!.length, c.codes.length) : 0,
        };
      }),
    };
  }

  return { get, request };
}

export type StAudioService = ReturnType<typeof createStAudioService>;
