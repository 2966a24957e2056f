import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Pure-logic tests: no database, no ffmpeg, no network (`npm run test:unit`, seconds). A new one is
// named *.unit.test.ts; the list names older ones that already qualify.
const UNIT_TESTS = [
  'server/src/**/*.unit.test.ts',
  'shared/**/*.unit.test.ts',
  'server/src/http/error-texts.test.ts',
  'server/src/media/decide.test.ts',
  'server/src/media/hls-args.test.ts',
  'server/src/media/parsers.test.ts',
  'server/src/storage/storage-url.test.ts',
  'server/src/modules/auth/passwords.test.ts',
  'server/src/modules/calendar/school-day.test.ts',
  'server/src/modules/people/assignments.service.test.ts',
  'server/src/modules/recordings/counting.test.ts',
  'server/src/modules/recordings/media-tokens.test.ts',
  'server/src/modules/reports/official-sheet.test.ts',
  'server/src/modules/rollout/rollout.rules.test.ts',
  'server/src/modules/uploads/upload-metadata.test.ts',
];

// Unit and integration tests of the server; `npm test` runs both projects, each file once. The
// integration suite runs on PostgreSQL when DATABASE_URL is set (npm run test:pg). Browser tests
// have their own config (tests/e2e).
export default defineConfig({
  test: {
    // One worker more than cores, not vitest's one fewer: integration files spend much of their time
    // waiting on PostgreSQL, ffmpeg and child processes, and on 2 cores one worker left a core idle
    // (the PostgreSQL run took 19 minutes with one, 7 with three).
    maxWorkers: availableParallelism() + 1,
    projects: [
      {
        test: {
          name: 'unit',
          include: UNIT_TESTS,
          environment: 'node',
          testTimeout: 10_000,
          // Pure functions share nothing worth isolating: one light thread pool, modules loaded once.
          pool: 'threads',
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/src/**/*.test.ts', 'shared/**/*.test.ts'],
          // The live media proof (*.proof.test.ts) runs alone: `npm run test:live` (Janus, ffmpeg and Chromium at once).
          exclude: [...configDefaults.exclude, ...UNIT_TESTS, 'server/src/**/*.proof.test.ts',
            // Several processes at once (nodes, workers, proxy): its own run, `npm run test:cluster`.
            'server/src/cluster/multi-node.test.ts', 'server/src/cluster/stopping-node.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
