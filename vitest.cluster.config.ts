import { defineConfig } from 'vitest/config';

// Issue 13's multi-node acceptance (`npm run test:cluster`): two API nodes, two workers, PostgreSQL,
// s3rver, Redis and a round-robin proxy as separate processes — too heavy to share `npm test`'s
// forks, so it runs alone. Without PostgreSQL or Redis it is skipped and says why. With it, the
// stopping node (a real server process given SIGTERM mid-request; SQLite, or PostgreSQL with DATABASE_URL).
export default defineConfig({
  test: {
    projects: [{ test: { name: 'cluster', include: ['server/src/cluster/multi-node.test.ts', 'server/src/cluster/stopping-node.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 300_000, pool: 'forks' } }],
  },
});
