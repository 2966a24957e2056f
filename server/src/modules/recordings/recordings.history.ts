/**
 * Lessons kept as history only: the row (school, teacher, subject, time, ready, counted) without
 * any video — the demo city's spring term, or lessons brought over from an older system. Their
 * `source_key` is empty (no object in the store), they are marked `keep` (retention leaves them),
 * they are listed as records without video (`hasVideo` false), and asking to play one answers
 * RECORDING_NO_MEDIA instead of a player that finds nothing — unless a `media_prefix` points them at
 * shared media (the demo city's clips, seed/demo-media.ts).
 */
export const HISTORY_SOURCE_KEY = '';

/** Whether the lesson has video to play: its own, or clips it shares (media_prefix, the demo city's). */
export function hasMedia(r: { source_key: string; media_prefix: string | null }): boolean {
  return r.source_key !== HISTORY_SOURCE_KEY || r.media_prefix !== null;
}
