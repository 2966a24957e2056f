import { InvalidObjectKeyError, KEY_PART_PATTERN } from './object-store.js';

/*
 * The only place object keys are formed. Layout (the same on disk and in S3):
 *
 *   uploads/<uploadId>                           a finished upload staged before it becomes a recording
 *   recordings/<id>/source.<ext>                 the file as uploaded, byte for byte (sha256 in the row)
 *   recordings/<id>/hls/master.m3u8              master playlist
 *   recordings/<id>/hls/<rendition>/index.m3u8   one rendition's media playlist (rendition: `720p`, `360p`, `copy`…)
 *   recordings/<id>/hls/<rendition>/<file>       its segments (`seg-00001.ts`, `init.mp4`…)
 *   recordings/<id>/poster.jpg                   poster frame
 *   recordings/<id>/thumbs/00001.jpg …           scrub thumbnails
 *   recordings/<id>/thumbs/sprite.jpg, .vtt      the same as one sprite sheet and its WebVTT map
 *   shared-media/<name>/…                        media several recordings play (the demo city's clips),
 *                                                laid out like `recordings/<id>/` (hls/, poster.jpg, thumbs/)
 *   research/activities/<id>/files/<name>.<ext>  a research activity's lesson plans and courseware
 *
 * Everything of a recording lives under `recordings/<id>/`, so retention removes it with one
 * deletePrefix(recordingPrefix(id)), and re-packaging can clear hlsPrefix(id) first.
 */

const PART = new RegExp(KEY_PART_PATTERN);
const RECORDING_PREFIX = /^recordings\/\d+\//;

function id(recordingId: number): number {
  if (!Number.isSafeInteger(recordingId) || recordingId <= 0) {
    throw new InvalidObjectKeyError(`recording id must be a positive integer, got ${recordingId}`);
  }
  return recordingId;
}

function part(value: string, what: string): string {
  if (typeof value !== 'string' || value.length > 128 || !PART.test(value)) {
    throw new InvalidObjectKeyError(`invalid ${what} in an object key: ${JSON.stringify(value)}`);
  }
  return value;
}

/** `recordings/<id>/` — everything stored for one recording. */
export const recordingPrefix = (recordingId: number) => `recordings/${id(recordingId)}/`;

/** The uploaded file itself; `ext` without the dot (`mp4`, `mkv`…). */
export function recordingSourceKey(recordingId: number, ext: string): string {
  if (!/^[a-z0-9]{1,8}$/.test(ext)) throw new InvalidObjectKeyError(`invalid source file extension: ${JSON.stringify(ext)}`);
  return `${recordingPrefix(recordingId)}source.${ext}`;
}

/** `recordings/<id>/hls/` — every playlist and segment of a recording. */
export const hlsPrefix = (recordingId: number) => `${recordingPrefix(recordingId)}hls/`;

export const hlsMasterKey = (recordingId: number) => `${hlsPrefix(recordingId)}master.m3u8`;

/** `recordings/<id>/hls/<rendition>/` */
export const hlsRenditionPrefix = (recordingId: number, rendition: string) =>
  `${hlsPrefix(recordingId)}${part(rendition, 'rendition')}/`;

export const hlsPlaylistKey = (recordingId: number, rendition: string) =>
  `${hlsRenditionPrefix(recordingId, rendition)}index.m3u8`;

/** A segment (or init segment) file of one rendition, named as the playlist names it. */
export const hlsSegmentKey = (recordingId: number, rendition: string, file: string) =>
  `${hlsRenditionPrefix(recordingId, rendition)}${part(file, 'segment file name')}`;

export const posterKey = (recordingId: number) => `${recordingPrefix(recordingId)}poster.jpg`;

/** `recordings/<id>/thumbs/` */
export const thumbnailPrefix = (recordingId: number) => `${recordingPrefix(recordingId)}thumbs/`;

/** The n-th scrub thumbnail (n from 1, as ffmpeg numbers its output), zero-padded so keys list in order. */
export function thumbnailKey(recordingId: number, n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > 99_999) throw new InvalidObjectKeyError(`invalid thumbnail number ${n}`);
  return `${thumbnailPrefix(recordingId)}${String(n).padStart(5, '0')}.jpg`;
}

export const thumbnailSpriteKey = (recordingId: number) => `${thumbnailPrefix(recordingId)}sprite.jpg`;

/** The WebVTT file mapping times to tiles of the sprite sheet. */
export const thumbnailVttKey = (recordingId: number) => `${thumbnailPrefix(recordingId)}sprite.vtt`;

/** A finished upload waiting to become a recording (the tus id, say). */
export const uploadStagingKey = (uploadId: string) => `uploads/${part(uploadId, 'upload id')}`;

/**
 * `shared-media/<name>/`: media that many recordings play, such as the demo city's clips. Never
 * under `recordings/`, so deleting or purging a recording that points here leaves them alone.
 */
export const sharedMediaPrefix = (name: string) => `shared-media/${part(name, 'shared media name')}/`;

/**
 * The key a recording's own key (one of the above, under `recordings/<id>/`) stands for when the
 * recording's media live under `mediaPrefix` instead (the `recordings.media_prefix` column).
 */
export function keyUnderMediaPrefix(ownKey: string, mediaPrefix: string | null): string {
  if (mediaPrefix === null) return ownKey;
  if (!/^shared-media\/[^/]+\/$/.test(mediaPrefix) || !PART.test(mediaPrefix.split('/')[1]!)) {
    throw new InvalidObjectKeyError(`invalid media prefix: ${JSON.stringify(mediaPrefix)}`);
  }
  if (!RECORDING_PREFIX.test(ownKey)) throw new InvalidObjectKeyError(`not a recording's key: ${JSON.stringify(ownKey)}`);
  return ownKey.replace(RECORDING_PREFIX, mediaPrefix);
}

/**
 * A key of shared media, laid out as a recording's own: `ownKey` names the object for a recording
 * (e.g. `(id) => hlsMasterKey(id)`), and the result is the same object under `sharedMediaPrefix(name)`.
 */
export function sharedMediaKey(name: string, ownKey: (recordingId: number) => string): string {
  return keyUnderMediaPrefix(ownKey(1), sharedMediaPrefix(name));
}

/** `research/activities/<id>/files/` — the files (lesson plans, courseware) of one research activity. */
export const researchFilesPrefix = (activityId: number) => {
  if (!Number.isSafeInteger(activityId) || activityId <= 0) throw new InvalidObjectKeyError(`activity id must be a positive integer, got ${activityId}`);
  return `research/activities/${activityId}/files/`;
};

/** One file of a research activity: `name` a random token (never the person's file name), `ext` without the dot. */
export function researchFileKey(activityId: number, name: string, ext: string): string {
  if (!/^[a-z0-9]{1,8}$/.test(ext)) throw new InvalidObjectKeyError(`invalid research file extension: ${JSON.stringify(ext)}`);
  return `${researchFilesPrefix(activityId)}${part(name, 'research file name')}.${ext}`;
}

/**
 * `resources/<id>/files/` — a resource's courseware: `f<fileId>-<token>.<ext>` the file as
 * uploaded, `f<fileId>-<token>-pdf.pdf` its PDF (office files), `f<fileId>-<token>-thumb.png` its
 * first page. The derived keys are fixed per file, so a conversion run again overwrites, never adds.
 */
export const resourceFilesPrefix = (resourceId: number) => {
  if (!Number.isSafeInteger(resourceId) || resourceId <= 0) throw new InvalidObjectKeyError(`resource id must be a positive integer, got ${resourceId}`);
  return `resources/${resourceId}/files/`;
};

/** One courseware object of a resource: `name` a token made by the server (never the person's file name), `ext` without the dot. */
export function resourceFileKey(resourceId: number, name: string, ext: string): string {
  if (!/^[a-z0-9]{1,8}$/.test(ext)) throw new InvalidObjectKeyError(`invalid resource file extension: ${JSON.stringify(ext)}`);
  return `${resourceFilesPrefix(resourceId)}${part(name, 'resource file name')}.${ext}`;
}

/** One attachment of a family notice: `family/notices/<token>.<ext>`, `name` a token made by the server, `ext` without the dot. */
export function noticeAttachmentKey(name: string, ext: string): string {
  if (!/^[a-z0-9]{1,8}$/.test(ext)) throw new InvalidObjectKeyError(`invalid notice attachment extension: ${JSON.stringify(ext)}`);
  return `family/notices/${part(name, 'notice attachment name')}.${ext}`;
}

/** `safety/hazards/<id>/` — the photos of one hazard (平安校园), as found and of its rectification. */
export const safetyHazardPrefix = (hazardId: number) => {
  if (!Number.isSafeInteger(hazardId) || hazardId <= 0) throw new InvalidObjectKeyError(`hazard id must be a positive integer, got ${hazardId}`);
  return `safety/hazards/${hazardId}/`;
};

/** One photo of a hazard: `name` a token made by the server (never the person's file name), `ext` without the dot. */
export function safetyHazardPhotoKey(hazardId: number, name: string, ext: string): string {
  if (!/^[a-z0-9]{1,8}$/.test(ext)) throw new InvalidObjectKeyError(`invalid photo extension: ${JSON.stringify(ext)}`);
  return `${safetyHazardPrefix(hazardId)}${part(name, 'hazard photo name')}.${ext}`;
}

/**
 * `kindergarten/<kind>/<id>/<token>.<ext>` — a kindergarten photo: a pick-up person's, a one-off
 * pick-up's or a medicine package's. A new photo gets a new token, so a cached old one never shows.
 */
export function kindergartenPhotoKey(kind: 'person' | 'one-off' | 'medication', id: number, token: string, ext: string): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new InvalidObjectKeyError(`kindergarten photo id must be a positive integer, got ${id}`);
  if (!/^[a-z0-9]{1,8}$/.test(ext)) throw new InvalidObjectKeyError(`invalid photo extension: ${JSON.stringify(ext)}`);
  return `kindergarten/${kind}/${id}/${part(token, 'photo token')}.${ext}`;
}
