import type { Db } from '../../db/database.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { DurablePayload } from './recordings.pipeline.js';
import * as q from './recordings.queries.js';

export type DurableOutcome = 'durable' | 'repackaging' | 'moved-on';

/**
 * The `recording.durable` job: fsyncs the HLS objects a processing run stored without syncing
 * (local disk), after the lesson already plays. If a power cut lost any of them first, the lesson
 * goes back to the queue and is packaged again from its source, which was durable before its
 * upload was acknowledged: a crash costs a repackaging, never a lesson.
 */
export function createDurableJob(deps: {
  db: Db;
  store: ObjectStore;
  /** Queues processing again under a key of its own (the first processing job's key is spent). */
  enqueueRepackaging: (recordingId: number, dedupeKey: string) => Promise<void>;
}) {
  const db = deps.db.db;

  async function run(payload: DurablePayload, jobId: number): Promise<{ outcome: DurableOutcome; lost: string[] }> {
    const row = await q.recordingRow(db, payload.recordingId);
    // Deleted, or being processed again: that run stores (and queues the sync of) its own objects.
    if (!row || row.status !== 'ready' || !deps.store.syncDeferred) return { outcome: 'moved-on', lost: [] };
    const lost = await deps.store.syncDeferred(payload.objects);
    if (!lost.length) return { outcome: 'durable', lost };
    const res = await db.updateTable('recordings').set({ status: 'queued', progress: 0 })
      .where('id', '=', row.id).where('status', '=', 'ready').executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0) {
      await deps.enqueueRepackaging(row.id, `recording.process:${row.id}:repackage:${jobId}`);
    }
    return { outcome: 'repackaging', lost };
  }

  return { run };
}
