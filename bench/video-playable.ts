import { untilNoPendingJobs } from '../server/src/test-support/pending-jobs.js';
import { fmt } from './support.js';
import { lessonMeta, ownCopySeconds, plainCopySeconds, playableBreakdown, settleDisk, tusUpload, waitReady, warmMemory, type Session } from './video-kit.js';

/** Memory made host-backed before each side of a round (warmMemory): three 2.3 GiB lessons' worth. */
const WARM_GIB = 8;

export interface PlayableRounds {
  /** Best of the rounds on each side, divided (the figure the target is set for); the medians are printed beside it. */
  ratio: number;
  /** The recording of the last round (kept when asked, for the benches that follow). */
  recordingId: number;
  /** Seconds of the first round's upload (an upload throughput trial). */
  firstUploadSeconds: number;
  printed: string[];
}

/**
 * Last byte → playable against a plain `ffmpeg -c copy -f hls` of the same file, in `rounds`
 * interleaved rounds (the plain copy, the pipeline's own copy arguments alone, then an upload of
 * the file and its processing), each side on a settled disk, with warmed memory (warmMemory) and
 * after the last round's follow-up jobs. The machine is shared and its timings scatter, so, as
 * the upload trials do, the best of each side is compared, and the medians are printed beside
 * it. The same file is uploaded again in each round: the round before deletes its recording, or
 * it would be a duplicate.
 */
export async function playableRounds(opts: {
  base: string; deviceToken: string; principal: Session; dataDir: string; timings: string;
  file: string; seconds: number; title: string; rounds: number; keepLast: boolean; timeoutMs?: number;
}): Promise<PlayableRounds> {
  const runs: { plain: number; own: number; playable: number; recordingId: number; breakdown: string[] }[] = [];
  let firstUploadSeconds = 0;
  // Each side starts alike: nothing queued for the disk, and enough warmed memory for the upload's
  // staged source and the lesson's segments.
  const quiet = async () => {
    await settleDisk();
    await warmMemory(WARM_GIB);
  };
  for (let round = 1; round <= opts.rounds; round++) {
    await quiet();
    const plain = await plainCopySeconds(opts.file);
    await quiet();
    const own = await ownCopySeconds(opts.file);
    await quiet();
    const up = await tusUpload(opts.base, opts.deviceToken, opts.file, lessonMeta(opts.seconds, `${opts.title} ${round}`));
    firstUploadSeconds ||= up.seconds;
    const ready = await waitReady(opts.principal, up.recordingId, up.lastByteAt, opts.timeoutMs);
    // Thumbnails, the picture check and the segments' fsync run after ready: not beside the next
    // round. The processing job writes its stage timings once it has ended, so read them after.
    await untilNoPendingJobs(opts.dataDir);
    const breakdown = playableBreakdown(opts.timings, up.recordingId, { lastByteAt: up.lastByteAt, doneAt: up.doneAt, readySeenAt: ready.seenAt });
    runs.push({ plain, own, playable: breakdown.total, recordingId: up.recordingId, breakdown: breakdown.printed });
    if (round < opts.rounds || !opts.keepLast) await opts.principal.delete(`/api/recordings/${up.recordingId}`);
  }
  const plain = Math.min(...runs.map((r) => r.plain));
  const own = Math.min(...runs.map((r) => r.own));
  const playable = Math.min(...runs.map((r) => r.playable));
  const best = runs.find((r) => r.playable === playable)!;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const medianRatio = median(runs.map((r) => r.playable)) / median(runs.map((r) => r.plain));
  const printed = [
    ...runs.map((r, i) => `  round ${i + 1}: plain copy ${fmt(r.plain, 2)} s, the pipeline's copy arguments alone ${fmt(r.own, 2)} s, then last byte → playable ${fmt(r.playable, 2)} s`),
    `  best of ${opts.rounds}: ${fmt(playable, 2)} s against ${fmt(plain, 2)} s = ${fmt(playable / plain, 2)}× plain ffmpeg copy (target ≤ 1.5×); medians: ${fmt(medianRatio, 2)}×`,
    `  against the pipeline's own copy arguments run alone (${fmt(own, 2)} s): ${fmt(playable / own, 2)}×, the pipeline's overhead beyond its ffmpeg pass`,
    `  where the time went in the best round (status ready polled every 50 ms):`,
    ...best.breakdown,
  ];
  return { ratio: playable / plain, recordingId: runs.at(-1)!.recordingId, firstUploadSeconds, printed };
}
