import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { openDb } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { createFsStore } from '../storage/fs-store.js';
import type { ObjectStore } from '../storage/object-store.js';
import { openObjectStore } from '../storage/storage-url.js';
import {
  BACKUP_FORMAT, type BackupDatabase, BackupError, type BackupManifest, MANIFEST_FILE, ndjsonWriter, type ObjectEntry,
  OBJECTS_FOLDER, OBJECTS_LIST_FILE, PG_DUMP_FILE, readManifest, readObjectList, SECRETS_FILE, SQLITE_FILE,
} from './backup-manifest.js';
import { countsOf, type Installation, lastMigration, redactStorageUrl, versions } from './installation.js';
import { copyObject, eachLimited, listObjectsDetailed, type ListedObject } from './object-listing.js';
import { pgDump, pgToolVersion } from './pg-tools.js';

export interface BackupOptions {
  /** The folder that receives the backup's own folder (`sunshine-<UTC time>`). */
  outDir: string;
  /** Copy objects to this STORAGE_URL-style place (another bucket or prefix) instead of the backup folder. */
  objectsTo?: string | null;
  /** Hard-link objects from the disk store instead of copying (same filesystem only; falls back to a copy). */
  link?: boolean;
  /**
   * An earlier backup (folder copies), or `latest` for the newest in `outDir`: objects unchanged
   * since (same size and mtime / ETag) are hard-linked from it, not read again.
   */
  previous?: string | null;
  /** Objects in flight at once (default 4). */
  concurrency?: number;
  log?: (line: string) => void;
  clock?: () => Date;
}

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
}

/**
 * Backs up a running installation: first the database as one consistent snapshot (SQLite's online
 * backup API, or pg_dump's snapshot), then every object with its SHA-256, then the generated
 * secrets. Objects written after the snapshot may be in the backup too (harmless: no row names
 * them); the backup is written as `<name>.partial` and renamed when complete, so a folder without
 * that suffix is always whole.
 */
export async function createBackup(src: Installation, opts: BackupOptions): Promise<BackupResult> {
  const log = opts.log ?? (() => {});
  const clock = opts.clock ?? (() => new Date());
  const started = clock();
  const t0 = performance.now();
  const name = `sunshine-${started.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const dir = resolve(opts.outDir, name);
  const partial = `${dir}.partial`;
  if (existsSync(dir) || existsSync(partial)) throw new BackupError(`${dir} already exists`);
  await mkdir(partial, { recursive: true });
  try {
    log(`backup into ${dir}`);
    const db = src.databaseUrl ? await dumpPostgres(src.databaseUrl, partial) : await backupSqlite(src.sqliteFile, partial);
    const tDb = performance.now();
    log(`database: ${db.database.kind}, ${db.database.bytes} bytes, migration ${db.migration} (${sec(tDb - t0)} s)`);

    const secrets = existsSync(src.secretsFile) ? SECRETS_FILE : null;
    if (secrets) {
      await copyFile(src.secretsFile, join(partial, SECRETS_FILE));
      await chmod(join(partial, SECRETS_FILE), 0o600);
    }

    const objects = await backupObjects(src, partial, opts);
    const tObj = performance.now();
    log(`objects: ${objects.count} (${objects.bytes} bytes, ${objects.reused} reused from the previous backup) (${sec(tObj - tDb)} s)`);

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: started.toISOString(),
      finishedAt: clock().toISOString(),
      versions: versions(),
      migration: db.migration,
      database: db.database,
      counts: { ...db.counts, objects: objects.count, objectBytes: objects.bytes },
      objects: { ...objects, source: src.storage.kind, list: OBJECTS_LIST_FILE },
      secrets,
      seconds: { database: sec(tDb - t0), objects: sec(tObj - tDb), total: sec(performance.now() - t0) },
    };
    await writeFile(join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(partial, dir);
    log(`backup complete: ${dir} (${manifest.seconds.total} s)`);
    return { dir, manifest };
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
}

interface DatabasePart {
  database: BackupDatabase;
  migration: string | null;
  counts: Record<string, number>;
}

async function backupSqlite(file: string, into: string): Promise<DatabasePart> {
  if (!existsSync(file)) throw new BackupError(`no database at ${file} (set DATA_DIR, or DATABASE_URL for PostgreSQL)`);
  const out = join(into, SQLITE_FILE);
  // A connection of its own, in this process. SQLite's online backup restarts from the first page
  // whenever another connection commits between two of its steps; with better-sqlite3's default
  // 100 pages a step, a server committing every second would keep a large database's backup from
  // ever finishing. All pages in one step instead: one read transaction, which under WAL does not
  // hold up the server's writers, and a copy of exactly one point in time.
  const live = new SQLite(file, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    await live.backup(out, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const copy = new SQLite(out);
  try {
    // One self-contained file (no -wal beside it), checked before anyone relies on it.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`the database copy fails SQLite's quick_check: ${String(check)}`);
    const kdb = new Kysely<Database>({ dialect: new SqliteDialect({ database: copy }) });
    const migration = await lastMigration(kdb);
    const counts = await countsOf(kdb);
    const sqliteVersion = (copy.prepare('select sqlite_version() as v').get() as { v: string }).v;
    const { size } = await stat(out);
    return { database: { kind: 'sqlite', file: SQLITE_FILE, bytes: size, sha256: await sha256File(out), sqliteVersion }, migration, counts };
  } finally {
    copy.close();
  }
}

async function dumpPostgres(url: string, into: string): Promise<DatabasePart> {
  const handle = openDb({ databaseUrl: url, dataDir: into });
  try {
    const info = await sql<{ schema: string | null; version: string }>`select current_schema() as schema, current_setting('server_version') as version`.execute(handle.db);
    const schema = info.rows[0]?.schema;
    if (!schema) throw new BackupError('DATABASE_URL has no schema to back up (its search_path names no existing schema)');
    const out = join(into, PG_DUMP_FILE);
    await pgDump(url, schema, out);
    const migration = await lastMigration(handle.db);
    // Counted after the dump, from the live database: close to the dump, not necessarily equal.
    const counts = await countsOf(handle.db);
    const { size } = await stat(out);
    return {
      database: {
        kind: 'postgres', file: PG_DUMP_FILE, bytes: size, sha256: await sha256File(out), schema,
        serverVersion: info.rows[0]!.version, pgDumpVersion: await pgToolVersion('pg_dump'),
      },
      migration,
      counts,
    };
  } finally {
    await handle.close();
  }
}

async function backupObjects(src: Installation, into: string, opts: BackupOptions) {
  const folder = join(into, OBJECTS_FOLDER);
  const target: ObjectStore = opts.objectsTo ? openObjectStore({ storageUrl: opts.objectsTo, dataDir: into }) : createFsStore({ root: folder });
  if (opts.objectsTo) {
    for await (const key of target.list('')) throw new BackupError(`the objects target ${redactStorageUrl(opts.objectsTo)} is not empty (it holds ${key}): give each backup its own prefix`);
  }
  const previousDir = opts.previous === 'latest' ? await latestBackup(dirname(into)) : opts.previous;
  const previous = previousDir && !opts.objectsTo ? await previousObjects(previousDir) : null;
  const list = ndjsonWriter(join(into, OBJECTS_LIST_FILE));
  let count = 0;
  let bytes = 0;
  let reused = 0;
  const fsSource = src.storage.kind === 'fs';
  await eachLimited(listObjectsDetailed(src.storage, src.store), opts.concurrency ?? 4, async (o: ListedObject) => {
    let entry: ObjectEntry | null = null;
    const before = previous?.entries.get(o.key);
    if (before && before.size === o.size && (o.etag ? before.etag === o.etag : before.mtimeMs === o.mtimeMs)) {
      if (await linkInto(join(previous!.dir, OBJECTS_FOLDER, ...o.key.split('/')), join(folder, ...o.key.split('/')))) {
        entry = { ...before };
        reused++;
      }
    }
    if (!entry && opts.link && fsSource && !opts.objectsTo) {
      const dest = join(folder, ...o.key.split('/'));
      if (await linkInto(src.store.localPath(o.key)!, dest)) {
        const s = await stat(dest);
        entry = { key: o.key, size: s.size, sha256: await sha256File(dest), mtimeMs: o.mtimeMs };
      }
    }
    if (!entry) {
      const copied = await copyObject(src.store, target, o.key);
      if (!copied) return; // deleted since the listing (a retention purge): not in this backup
      entry = { key: o.key, size: copied.size, sha256: copied.sha256, ...(o.etag ? { etag: o.etag } : {}), ...(o.mtimeMs !== undefined ? { mtimeMs: o.mtimeMs } : {}) };
    }
    await list.write(entry);
    count++;
    bytes += entry.size;
  });
  await list.close();
  return {
    count,
    bytes,
    reused,
    listSha256: await sha256File(join(into, OBJECTS_LIST_FILE)),
    location: opts.objectsTo ? { kind: 'storage' as const, url: redactStorageUrl(opts.objectsTo) } : { kind: 'folder' as const, path: OBJECTS_FOLDER },
  };
}

/** The newest complete backup in `outDir` (names sort by time; `.partial` ones are not complete), or null for a first, full one. */
async function latestBackup(outDir: string): Promise<string | null> {
  const names = (await readdir(outDir)).filter((n) => /^sunshine-\d{8}T\d{6}Z$/.test(n)).sort();
  const last = names.at(-1);
  return last ? join(outDir, last) : null;
}

async function previousObjects(dir: string): Promise<{ dir: string; entries: Map<string, ObjectEntry> }> {
  const m = await readManifest(dir);
  if (m.objects.location.kind !== 'folder') throw new BackupError(`--previous ${dir} keeps its objects elsewhere (${m.objects.location.url}); only folder backups can be linked from`);
  const entries = new Map<string, ObjectEntry>();
  for await (const e of readObjectList(dir, m.objects.list)) entries.set(e.key, e);
  return { dir, entries };
}

/** Hard-links `from` to `to`; false when that cannot be done (another filesystem, the file gone), for the caller to copy instead. */
async function linkInto(from: string, to: string): Promise<boolean> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await link(from, to);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EXDEV' || code === 'ENOENT' || code === 'EPERM' || code === 'EMLINK') return false;
    throw err;
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const sec = (ms: number) => Math.round(ms) / 1000;
