import { defineJob, exponentialBackoff, type JobOutcome } from '../../jobs/job-definition.js';
import { LIVE_REPLAY_JOB, type LiveReplayPayload, type ReplayService } from './replay.service.js';

/**
 * The `live.replay` job: the ended session's recorded files into one lesson. Copying a lesson's
 * files takes seconds; a few tries cover a full disk or a database hiccup, and the files stay on
 * disk until a run succeeds.
 */
export function liveReplayJobDefinitions(deps: { replay: Pick<ReplayService, 'build'> }) {
  return [defineJob<typeof LIVE_REPLAY_JOB, LiveReplayPayload>({
    kind: LIVE_REPLAY_JOB,
    maxAttempts: 5,
    backoffMs: exponentialBackoff(30_000, 30 * 60_000),
    timeoutMs: 30 * 60_000,
    async handle(payload, ctx): Promise<JobOutcome> {
      const outcome = await deps.replay.build(payload);
      ctx.log.info({ sessionId: payload.sessionId, outcome }, 'live replay');
      if (outcome === 'no-files') return { status: 'failed', reason: `session ${payload.sessionId}: none of its recorded files is on disk`, code: 'LIVE_REPLAY_NO_FILES' };
      return { status: 'done' };
    },
  })] as const;
}
