import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { recordingPrefix } from '../../storage/keys.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { AuditService } from '../audit/audit.service.js';
import * as q from './recordings.queries.js';
import type { OnRecordingChanged } from './recordings.service.js';

export interface RetentionDeps {
  db: Db;
  clock: Clock;
  store: ObjectStore;
  audit: AuditService;
  onRecordingChanged: OnRecordingChanged;
  /** RETENTION_DAYS */
  retentionDays: number;
}

/**
 * Deletes lessons not marked `keep` once both their lesson and their arrival are older than
 * RETENTION_DAYS: every object under the recording's prefix (source, segments, playlists,
 * pictures) first, then the row — so a crash in between leaves a row whose files are gone, which
 * the next run deletes, never files nobody can find. Each purge is audited; supervision recounts
 * the school days touched. Returns how many recordings were purged.
 */
export async function purgeExpiredRecordings(deps: RetentionDeps): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.retentionDays * 86_400_000).toISOString();
  const days = new Map<string, { schoolId: number; day: string }>();
  const purged: number[] = [];
  for (;;) {
    const batch = await q.expiredRecordings(deps.db.db, cutoff, 100);
    for (const r of batch) {
      await deps.store.deletePrefix(recordingPrefix(r.id));
      await q.deleteRecordingRow(deps.db.db, r.id);
      purged.push(r.id);
      days.set(`${r.school_id}:${r.school_day}`, { schoolId: r.school_id, day: r.school_day });
    }
    if (batch.length < 100) break;
  }
  if (purged.length) {
    await deps.audit.record({
      actor: null, action: 'recording.purge', targetType: 'recording', result: 'success', ip: '127.0.0.1',
      detail: { cutoff, retentionDays: deps.retentionDays, recordings: purged.length, ids: purged.slice(0, 1000) },
    });
  }
  for (const change of days.values()) await deps.onRecordingChanged(change);
  return purged.length;
}
