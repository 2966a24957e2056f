import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { openDb } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { startMaintenance } from './maintenance.js';
import { loadOrCreateSecrets } from './secrets.js';
import { seedDemoIfEmpty } from './seed/seed-on-start.js';

// The repository root, found from this file whether it runs compiled (dist/server/src) or through tsx.
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

async function main() {
  const config = loadConfig();
  const db = openDb(config);
  await migrateToLatest(db);
  loadOrCreateSecrets(config.dataDir);
  const { app } = await buildApp({
    db,
    clock: systemClock,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
    webDir: resolve(repoRoot(), 'web/dist'),
    trustProxy: config.trustProxy,
    benchRoutes: config.benchRoutes,
    logger: { level: config.logLevel },
  });
  if (config.seed === 'demo') await seedDemoIfEmpty(db, (m) => app.log.info(m));
  const stopMaintenance = startMaintenance({
    db, clock: systemClock, log: app.log, sessionIdleMinutes: config.sessionIdleMinutes, auditRetentionDays: config.auditRetentionDays,
  });
  const close = async () => {
    stopMaintenance();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`阳光校园 Sunshine Campus is up on http://localhost:${config.port} (database: ${db.dialect}, data: ${config.dataDir})`);
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(`configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
