// Where a viewer left off, per recording, on this browser only (localStorage).

const PREFIX = 'sunshine.resume.';
const KEEP = 100;

/** The saved position in seconds, if any. */
export function savedPosition(recordingId: number): number | undefined {
  try {
    const raw = localStorage.getItem(`${PREFIX}${recordingId}`);
    const value = raw ? (JSON.parse(raw) as { t?: unknown }).t : undefined;
    return typeof value === 'number' && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the position; near the end it forgets it, so the next view starts from the beginning. */
export function savePosition(recordingId: number, seconds: number, duration: number): void {
  try {
    if (!Number.isFinite(seconds) || seconds < 5 || (Number.isFinite(duration) && seconds > duration - 10)) {
      localStorage.removeItem(`${PREFIX}${recordingId}`);
      return;
    }
    localStorage.setItem(`${PREFIX}${recordingId}`, JSON.stringify({ t: Math.floor(seconds), at: Date.now() }));
    trim();
  } catch {
    // Storage full or unavailable: resuming is a convenience.
  }
}

/** Keeps the most recent KEEP positions. */
function trim(): void {
  const entries: { key: string; at: number }[] = [];
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const at = Number((JSON.parse(localStorage.getItem(key) ?? '{}') as { at?: unknown }).at) || 0;
    entries.push({ key, at });
  }
  if (entries.length <= KEEP) return;
  entries.sort((a, b) => a.at - b.at);
  for (const entry of entries.slice(0, entries.length - KEEP)) localStorage.removeItem(entry.key);
}
