import { defineConfig } from 'vitest/config';

// Browser tests through the real UI: a built server with the demo city, driven by Chromium.
// One server for the whole run (global-setup.ts, which builds only what is missing: rebuild
// after changing the web app); files run one after another, since the machine is small and the
// tests share that server. Screenshots land in /tmp/e2e-*.png.
// E2E_BASE_URL=http://127.0.0.1:8080 npm run test:e2e uses a server already running instead.
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
