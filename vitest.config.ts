import { defineConfig } from 'vitest/config';

// Unit and integration tests of the server. The same integration suite runs on PostgreSQL when
// DATABASE_URL is set (npm run test:pg). Browser tests have their own config (tests/e2e).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'integration',
          include: ['server/src/**/*.test.ts', 'shared/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
