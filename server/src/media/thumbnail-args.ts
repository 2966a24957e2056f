import { isAbsolute, join } from 'node:path';
import { displaySize } from './decide.js';
import { inputArgs } from './input-args.js';
import type { MediaInfo } from './probe.js';

export const POSTER_FILE = 'poster.jpg';
export const SPRITE_FILE = 'sprite.jpg';

/**
 * Where each scrub thumbnail sits in the sprite: thumbnail i shows time i × intervalSeconds and
 * sits at column i % columns, row floor(i / columns), each tileWidth × tileHeight pixels.
 */
export interface ThumbnailLayout {
  intervalSeconds: number;
  count: number;
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
  /** Where the poster frame is taken from. */
  posterAtSeconds: number;
}

export interface ThumbnailOptions {
  tileWidth?: number;
  /** At most this many scrub thumbnails (default 100: a 45-minute lesson gets one per 27 s). */
  maxTiles?: number;
  columns?: number;
  minIntervalSeconds?: number;
  posterWidth?: number;
  trustedInput?: boolean;
}

/** Pure: how many thumbnails, how far apart, and the sprite's grid. */
export function thumbnailLayout(info: MediaInfo, opts: ThumbnailOptions = {}): ThumbnailLayout {
  const v = info.video;
  if (!v) throw new Error('thumbnails need a video stream');
  const tileWidth = opts.tileWidth ?? 160;
  const maxTiles = opts.maxTiles ?? 100;
  const intervalSeconds = Math.max(opts.minIntervalSeconds ?? 2, Math.ceil(info.durationSeconds / maxTiles));
  const count = Math.max(1, Math.ceil(info.durationSeconds / intervalSeconds));
  const columns = Math.min(opts.columns ?? 10, count);
  const { width, height } = displaySize(v);
  return {
    intervalSeconds,
    count,
    columns,
    rows: Math.ceil(count / columns),
    tileWidth,
    tileHeight: Math.max(2, Math.round((tileWidth * height) / width / 2) * 2),
    // Lessons often open on an empty room or a title card; a tenth in (at most a minute) shows the class.
    posterAtSeconds: Math.round(Math.min(info.durationSeconds * 0.1, 60) * 1000) / 1000,
  };
}

/**
 * ffmpeg arguments writing poster.jpg and sprite.jpg (all scrub thumbnails tiled) into outDir in
 * one read. When keyframes are at least as dense as the thumbnails, only keyframes are decoded,
 * which makes this ~50× cheaper than decoding every frame.
 */
export function buildThumbnailArgs(
  input: string,
  outDir: string,
  info: MediaInfo,
  opts: ThumbnailOptions = {},
): { args: string[]; layout: ThumbnailLayout } {
  if (!isAbsolute(outDir)) throw new Error(`thumbnail folder must be absolute: ${outDir}`);
  const layout = thumbnailLayout(info, opts);
  const v = info.video!;
  const keyframesOnly =
    v.keyframeIntervalSeconds !== null && v.keyframeIntervalSeconds <= layout.intervalSeconds;
  const posterWidth = opts.posterWidth ?? 640;
  const args = [
    ...(keyframesOnly ? ['-skip_frame', 'nokey'] : []),
    ...inputArgs(input, { trusted: opts.trustedInput }),
    '-map', `0:${v.index}`,
    '-vf', [
      `fps=1/${layout.intervalSeconds}`,
      `scale=${layout.tileWidth}:${layout.tileHeight}`,
      `tile=${layout.columns}x${layout.rows}`,
    ].join(','),
    '-frames:v', '1', '-q:v', '5', '-map_metadata', '-1',
    join(outDir, SPRITE_FILE),
    '-map', `0:${v.index}`,
    '-ss', String(layout.posterAtSeconds),
    '-vf', `scale='min(${posterWidth},iw)':-2`,
    '-frames:v', '1', '-q:v', '3', '-map_metadata', '-1',
    join(outDir, POSTER_FILE),
  ];
  return { args, layout };
}
