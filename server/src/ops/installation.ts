import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { ObjectStore } from '../storage/object-store.js';
import { openObjectStore, parseStorageUrl, type StorageTarget } from '../storage/storage-url.js';

/** What a backup reads and a restore writes: the same places the server uses, from the same settings. */
export interface Installation {
  /** null → SQLite in `sqliteFile`. */
  databaseUrl: string | null;
  sqliteFile: string;
  storage: StorageTarget;
  store: ObjectStore;
  secretsFile: string;
}

export function installationOf(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'storageUrl'>): Installation {
  return {
    databaseUrl: config.databaseUrl,
    sqliteFile: join(config.dataDir, 'sunshine.sqlite'),
    storage: parseStorageUrl(config.storageUrl, config.dataDir),
    store: openObjectStore(config),
    secretsFile: join(config.dataDir, 'secrets.json'),
  };
}

/** The tables whose row counts the manifest records, for a person to compare at a glance. */
const COUNTED = ['schools', 'users', 'students', 'recordings', 'audit_log', 'jobs', 'notifications', 'resource_files'] as const;

export async function countsOf(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(row.rows[0]?.n ?? 0);
  }
  return counts;
}

/** The newest migration applied (names sort in order), or null before the first. */
export async function lastMigration(db: Kysely<Database>): Promise<string | null> {
  const row = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return row.rows[0]?.name ?? null;
}

let appVersion: string | undefined;
export function versions(): { app: string; node: string } {
  appVersion ??= readAppVersion();
  return { app: appVersion, node: process.version };
}

// The repository's package.json, found upwards from this file whether it runs compiled (dist/…) or through tsx.
function readAppVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
}

/** A STORAGE_URL fit for a manifest or a log line: without its credentials. */
export function redactStorageUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//');
}
