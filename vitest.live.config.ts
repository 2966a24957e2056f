import { defineConfig } from 'vitest/config';

// The live media proof of issue 12 (`npm run test:live`): Janus, ffmpeg and Chromium at once, with
// glass-to-glass delay thresholds that need the machine to itself — so it runs alone, not in `npm test`.
export default defineConfig({
  test: {
    projects: [{ test: { name: 'integration', include: ['server/src/**/*.proof.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 120_000, pool: 'forks' } }],
  },
});
