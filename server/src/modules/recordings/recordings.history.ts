/**
 * Lessons kept as history only: the row (school, teacher, subject, time, ready, counted) without
 * any video — the demo city's spring term, or lessons brought over from an older system. Their
 * `source_key` is empty (no object in the store), they are marked `keep` (retention leaves them),
 * and asking to play one answers RECORDING_NO_MEDIA instead of a player that finds nothing.
 */
export const HISTORY_SOURCE_KEY = '';

export function hasMedia(r: { source_key: string }): boolean {
  return r.source_key !== HISTORY_SOURCE_KEY;
}
