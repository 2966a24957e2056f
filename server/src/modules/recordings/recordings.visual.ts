import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Selectable } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { RecordingTable } from '../../db/schema.js';
import type { FfmpegBinaries } from '../../media/ffmpeg-binaries.js';
import type { MediaInfo } from '../../media/probe.js';
import { checkPicture } from '../../media/visual-check.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { RunContext } from './recordings.pipeline.js';
import * as q from './recordings.queries.js';
import type { OnRecordingChanged } from './recordings.service.js';
import { countingRulesOf, type RecordingsSettings } from './recordings.settings.js';
import { storedVerdictAgrees, verdictOfRow } from './recordings.verdict.js';

export type VisualCheckOutcome = 'gone' | 'unchanged' | 'changed';

/**
 * The `recording.visual` job: once a lesson is playable, measure how much of it shows a black or
 * frozen picture (media/visual-check.ts, keyframes only), store the shares, and when that changes
 * whether the lesson counts, store the new verdict and recount the school day (the path deletion
 * and packaging use). Safe to repeat: the shares are measured once and kept; a rerun (after a crash
 * between storing and recounting) recounts the day again, which changes nothing twice.
 */
export function createVisualCheckJob(deps: {
  db: Db; clock: Clock; store: ObjectStore; settings: RecordingsSettings; onRecordingChanged: OnRecordingChanged; binaries?: FfmpegBinaries;
  /** Test hook, as the pipeline's: awaited before each step, so a test can kill the process mid-job. */
  beforeStep?: (step: string, recordingId: number) => Promise<void>;
}) {
  const db = deps.db.db;

  async function run(recordingId: number, ctx: RunContext): Promise<VisualCheckOutcome> {
    let row = await q.recordingRow(db, recordingId);
    if (!row || row.status !== 'ready' || !row.media_info) return 'gone';
    const rerun = row.visual_checked_at !== null;
    if (!rerun) {
      await deps.beforeStep?.('visual:measure', recordingId);
      const measured = await measure(row, ctx);
      if (!measured) return 'gone';
      await q.updateRecording(db, recordingId, {
        visual_black_share: measured.blackShare, visual_frozen_share: measured.frozenShare, visual_checked_at: deps.clock.now().toISOString(),
      });
      row = await q.recordingRow(db, recordingId);
      if (!row || row.status !== 'ready') return 'gone';
    }
    await deps.beforeStep?.('visual:verdict', recordingId);
    const school = await q.schoolForIngest(db, row.school_id);
    const verdict = verdictOfRow(row, school!.kind, countingRulesOf(deps.settings));
    const agrees = storedVerdictAgrees(row, verdict);
    if (!agrees) {
      await db.updateTable('recordings').set(q.verdictColumns(verdict)).where('id', '=', recordingId).where('status', '=', 'ready').execute();
    }
    if (!agrees || rerun) await deps.onRecordingChanged({ schoolId: row.school_id, day: row.school_day });
    return agrees ? 'unchanged' : 'changed';
  }

  async function measure(row: Selectable<RecordingTable>, ctx: RunContext) {
    const info = JSON.parse(row.media_info!) as MediaInfo;
    if (!info.video) return { blackShare: 0, frozenShare: 0 };
    const work = join(deps.settings.workDir, `visual-${row.id}-${ctx.run}`);
    try {
      let source = deps.store.localPath(row.source_key);
      if (!source) {
        const obj = await deps.store.get(row.source_key);
        if (!obj) return null;
        await mkdir(work, { recursive: true });
        source = join(work, `source.${row.source_key.split('.').pop()}`);
        await pipeline(obj.body, createWriteStream(source));
      }
      return await checkPicture(source, {
        durationSeconds: row.duration_seconds ?? info.durationSeconds, keyframeIntervalSeconds: info.video.keyframeIntervalSeconds,
      }, { signal: ctx.signal, binaries: deps.binaries });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  return { run };
}
