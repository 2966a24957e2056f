import { appendFile } from 'node:fs/promises';

/**
 * Where a lesson's time goes from its last byte to playable, for `npm run bench -- video`: when
 * MEDIA_TIMINGS_FILE names a file, each finished stage of the upload finish and of the
 * `recording.process` job appends one JSON line there ({ stage, recordingId, marks }), marks being
 * wall-clock instants in epoch milliseconds (sub-millisecond), so the bench in another process can
 * line them up with its own clock. Unset (production), nothing is written and nothing is awaited.
 */
const FILE = process.env.MEDIA_TIMINGS_FILE || null;

/** An instant in epoch milliseconds with sub-millisecond precision, comparable across processes. */
export const nowMs = () => performance.timeOrigin + performance.now();

export interface StageMarks {
  /** Notes `name` now, or at `at` (epoch ms) when the instant was taken elsewhere. */
  mark(name: string, at?: number): void;
  /** Writes the marks (once); a failure to write never fails the work it measured. */
  flush(): Promise<void>;
}

export function stageMarks(stage: string, recordingId: number | (() => number)): StageMarks {
  const marks: Record<string, number> = {};
  return {
    mark(name, at) {
      if (FILE) marks[name] = at ?? nowMs();
    },
    async flush() {
      if (!FILE || !Object.keys(marks).length) return;
      const id = typeof recordingId === 'function' ? recordingId() : recordingId;
      await appendFile(FILE, `${JSON.stringify({ stage, recordingId: id, marks })}\n`).catch(() => undefined);
    },
  };
}
