import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { defineJob } from '../job-definition.js';

/**
 * An idempotent job for the crash test: notes each start and finish in `<dir>/<name>.log`, waits
 * `holdMs` (a long step a runner can die in), then writes its result whole under a fixed name.
 */
export function markerJob(opts: { dir: string; holdMs: number }) {
  return defineJob<'test.marker', { name: string }>({
    kind: 'test.marker',
    maxAttempts: 3,
    backoffMs: () => 0,
    timeoutMs: 120_000,
    async handle({ name }, ctx) {
      const log = join(opts.dir, `${name}.log`);
      appendFileSync(log, `start ${process.pid} ${ctx.run}:${ctx.attempt}\n`);
      if (opts.holdMs > 0) await sleep(opts.holdMs, undefined, { signal: ctx.signal });
      const tmp = join(opts.dir, `.${name}.result.tmp`);
      writeFileSync(tmp, `job ${ctx.jobId}`);
      renameSync(tmp, join(opts.dir, `${name}.result`));
      appendFileSync(log, `done ${process.pid} ${ctx.run}:${ctx.attempt}\n`);
      return { status: 'done' };
    },
  });
}
