import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../db/database.js';
import { makeThumbnails } from '../../media/package-hls.js';
import type { MediaInfo } from '../../media/probe.js';
import type { ThumbnailLayout } from '../../media/thumbnail-args.js';
import { posterKey, recordingPrefix, thumbnailSpriteKey, thumbnailVttKey } from '../../storage/keys.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { RunContext } from './recordings.pipeline.js';
import * as q from './recordings.queries.js';

/** Pure: the WebVTT map from times to tiles of the sprite sheet (`sprite.jpg#xywh=x,y,w,h`). */
export function spriteVtt(layout: ThumbnailLayout, durationSeconds: number): string {
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < layout.count; i++) {
    const from = i * layout.intervalSeconds;
    const to = Math.min(durationSeconds, (i + 1) * layout.intervalSeconds);
    if (from >= to) break;
    const x = (i % layout.columns) * layout.tileWidth;
    const y = Math.floor(i / layout.columns) * layout.tileHeight;
    lines.push(`${vttTime(from)} --> ${vttTime(to)}`, `sprite.jpg#xywh=${x},${y},${layout.tileWidth},${layout.tileHeight}`, '');
  }
  return lines.join('\n');
}

function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/**
 * The `recording.thumbnails` job: poster frame and scrub sprite of a ready recording, read from
 * its source. It runs after the lesson is already playable; a failure leaves the lesson without
 * pictures, never unplayable. Safe to repeat: every object is simply written again.
 */
export function createThumbnailJob(deps: { db: Db; store: ObjectStore; workDir: string }) {
  const db = deps.db.db;

  async function run(recordingId: number, ctx: RunContext): Promise<'done' | 'gone'> {
    const row = await q.recordingRow(db, recordingId);
    if (!row || row.status !== 'ready' || !row.media_info) return 'gone';
    const info = JSON.parse(row.media_info) as MediaInfo;
    const work = join(deps.workDir, `thumbs-${recordingId}`);
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    try {
      let source = deps.store.localPath(row.source_key);
      if (!source) {
        const obj = await deps.store.get(row.source_key);
        if (!obj) return 'gone';
        source = join(work, `source.${row.source_key.split('.').pop()}`);
        await pipeline(obj.body, createWriteStream(source));
      }
      const out = join(work, 'out');
      const made = await makeThumbnails(source, out, info, { signal: ctx.signal });
      const vtt = join(out, 'sprite.vtt');
      await writeFile(vtt, spriteVtt(made.layout, info.durationSeconds));
      await deps.store.putFile(thumbnailSpriteKey(recordingId), made.sprite, undefined, { move: true });
      await deps.store.putFile(thumbnailVttKey(recordingId), vtt, undefined, { move: true });
      await deps.store.putFile(posterKey(recordingId), made.poster, undefined, { move: true });
      // Deleted meanwhile: take back what we stored.
      if (!(await q.recordingRow(db, recordingId))) {
        await deps.store.deletePrefix(recordingPrefix(recordingId));
        return 'gone';
      }
      return 'done';
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  return { run };
}
