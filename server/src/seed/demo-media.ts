import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { decidePackaging } from '../media/decide.js';
import { defaultFfmpegBinaries, type FfmpegBinaries } from '../media/ffmpeg-binaries.js';
import { HLS_PLAYLIST } from '../media/hls-args.js';
import { makeThumbnails, packageToHls } from '../media/package-hls.js';
import { masterPlaylist } from '../media/playlist.js';
import { probeMedia } from '../media/probe.js';
import { spriteVtt } from '../modules/recordings/recordings.thumbnails.js';
import { HISTORY_SOURCE_KEY } from '../modules/recordings/recordings.history.js';
import type { Track } from '../modules/recordings/recordings.schema.js';
import {
  hlsMasterKey, hlsPlaylistKey, hlsSegmentKey, posterKey, sharedMediaKey, sharedMediaPrefix, thumbnailSpriteKey, thumbnailVttKey,
} from '../storage/keys.js';
import type { ObjectStore } from '../storage/object-store.js';
import { RECENT_GROUP_PREFIX } from './demo-recent-history.js';
import { testPatternLesson } from './recordings.demo.js';

/**
 * Video for the demo city's lessons: one short clip per track kind (an ffmpeg test pattern with a
 * tone), packaged to HLS by the same media code as a real lesson, stored once under
 * `shared-media/demo-<track>/`, and shared by every demo lesson of that track through its
 * `media_prefix`. Until a lesson points at its clip it is a record without video (仅课程记录),
 * never offered for playback; without ffmpeg it stays so, and the log says what waits for what.
 *
 * Idempotent: a clip already stored is not made again, and only demo rows still without video are
 * pointed at it — so it can run after every start, and finishes what a stopped start left.
 */

export const DEMO_CLIP_SECONDS = 12;
const SOURCES: Record<Track, { pattern: string; tone: number }> = {
  composite: { pattern: 'testsrc2', tone: 440 },
  teacher: { pattern: 'testsrc', tone: 523 },
  students: { pattern: 'rgbtestsrc', tone: 587 },
  blackboard: { pattern: 'smptehdbars', tone: 659 },
  screen: { pattern: 'smptebars', tone: 784 },
};
/**
 * The demo's history rows (2018 term and recent weeks), the only rows that may share clips: their
 * group id and stand-in hash both start so (demo-history.ts). A real lesson's hash is hex, so no
 * uploaded or imported lesson is ever given a demo clip.
 */
const DEMO_PREFIXES = ['history-', `${RECENT_GROUP_PREFIX}-`];

export const demoClipName = (track: Track) => `demo-${track}`;

export interface DemoMediaDeps {
  db: Db;
  store: ObjectStore;
  /** Scratch folder (DATA_DIR/work). */
  workDir: string;
  log: { info(msg: string): void; warn(msg: string): void };
  /** Resolves ffmpeg/ffprobe; defaults to the process-wide ones. */
  binaries?: () => Promise<FfmpegBinaries>;
}

/** Demo rows without video. */
const withoutVideo = (eb: ExpressionBuilder<Database, 'recordings'>) => eb.and([
  eb('source_key', '=', HISTORY_SOURCE_KEY), eb('media_prefix', 'is', null),
  eb.or(DEMO_PREFIXES.map((p) => eb.and([eb('group_id', 'like', `${p}%`), eb('sha256', 'like', `${p}%`)]))),
]);

/** Makes (once) and attaches the demo clips; returns how many recordings became watchable. */
export async function ensureDemoMedia(deps: DemoMediaDeps): Promise<number> {
  const db = deps.db.db;
  const tracks = (await db.selectFrom('recordings').where(withoutVideo).select('track').distinct().execute()).map((r) => r.track as Track);
  if (!tracks.length) return 0;
  let binaries: FfmpegBinaries;
  try {
    binaries = await (deps.binaries ?? defaultFfmpegBinaries)();
  } catch (err) {
    deps.log.warn(`demo lessons stay records without video (仅课程记录): their clips need ffmpeg, not found (${String(err)}). `
      + 'Install it (apt-get install -y ffmpeg) or set FFMPEG_PATH/FFPROBE_PATH, then restart: the clips are made at the next start.');
    return 0;
  }
  let attached = 0;
  for (const track of tracks) {
    const name = demoClipName(track);
    if (!(await deps.store.head(sharedMediaKey(name, hlsMasterKey)))) {
      const started = performance.now();
      await makeClip(deps, binaries, track, name);
      deps.log.info(`demo clip ${name} made and stored in ${Math.round(performance.now() - started)} ms`);
    }
    const res = await db.updateTable('recordings').set({ media_prefix: sharedMediaPrefix(name) })
      .where(withoutVideo).where('track', '=', track).executeTakeFirst();
    attached += Number(res.numUpdatedRows);
  }
  deps.log.info(`demo lessons watchable: ${attached} recordings now play the shared demo clips`);
  return attached;
}

/** Generates, packages and stores one clip; the master playlist last, so a stored master means a whole clip. */
async function makeClip(deps: DemoMediaDeps, binaries: FfmpegBinaries, track: Track, name: string): Promise<void> {
  const work = join(deps.workDir, `${name}-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  try {
    const source = join(work, 'source.mp4');
    const { pattern, tone } = SOURCES[track];
    await testPatternLesson(source, pattern, tone, DEMO_CLIP_SECONDS, { binaries });
    const info = await probeMedia(source, { binaries });
    const packed = await packageToHls(source, join(work, 'hls', 'source'), info, decidePackaging(info), { binaries, trustedInput: true });
    const thumbs = await makeThumbnails(source, join(work, 'thumbs'), info, { binaries });
    const vtt = join(work, 'thumbs', 'sprite.vtt');
    await writeFile(vtt, spriteVtt(thumbs.layout, info.durationSeconds));
    for (const r of packed.renditions) {
      for (const seg of r.segments) await deps.store.putFile(sharedMediaKey(name, (id) => hlsSegmentKey(id, r.name, seg.file)), join(r.dir, seg.file));
      await deps.store.putFile(sharedMediaKey(name, (id) => hlsPlaylistKey(id, r.name)), join(r.dir, HLS_PLAYLIST));
    }
    await deps.store.putFile(sharedMediaKey(name, posterKey), thumbs.poster);
    await deps.store.putFile(sharedMediaKey(name, thumbnailSpriteKey), thumbs.sprite);
    await deps.store.putFile(sharedMediaKey(name, thumbnailVttKey), vtt);
    const master = join(work, 'hls', 'master.m3u8');
    await writeFile(master, masterPlaylist(packed.renditions));
    await deps.store.putFile(sharedMediaKey(name, hlsMasterKey), master);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** How many demo rows still wait for their clip (0 once all play). */
export async function demoRowsWithoutVideo(db: Db): Promise<number> {
  const row = await db.db.selectFrom('recordings').where(withoutVideo).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
