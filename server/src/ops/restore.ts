import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import { type Db, openDb } from '../db/database.js';
import { verifyAuditChain } from '../modules/audit/audit-verify.js';
import { createFsStore } from '../storage/fs-store.js';
import type { ObjectStore } from '../storage/object-store.js';
import { hlsMasterKey } from '../storage/keys.js';
import { openObjectStore } from '../storage/storage-url.js';
import {
  BackupError, type BackupManifest, OBJECTS_FOLDER, readManifest, readObjectList,
} from './backup-manifest.js';
import { sha256File } from './backup.js';
import { countsOf, type Installation, lastMigration } from './installation.js';
import { copyObject, eachLimited, hashObject } from './object-listing.js';
import { pgRestore } from './pg-tools.js';

export interface RestoreOptions {
  /** Where the objects' copies are when the backup put them in a bucket (STORAGE_URL syntax, with credentials). */
  objectsFrom?: string | null;
  concurrency?: number;
  log?: (line: string) => void;
}

export interface VerifyReport {
  ok: boolean;
  /** What failed, one line each, naming the row or object key. */
  problems: string[];
  /** What was checked and passed, one line each: the summary a person reads. */
  checks: string[];
}

export interface RestoreReport extends VerifyReport {
  manifest: BackupManifest;
  seconds: { database: number; objects: number; verify: number; total: number };
}

/**
 * Restores a backup into an installation that holds nothing yet (no database, no objects, no
 * secrets: anything there is refused, never overwritten), then verifies it: the database file's
 * hash, every object's SHA-256 against the manifest as it is copied, the audit chain, and every
 * recording's source against the SHA-256 its row stores. Problems are collected, not thrown, so
 * one bad object does not hide the next; `ok` is false when there is any.
 */
export async function restoreBackup(backupDir: string, target: Installation, opts: RestoreOptions = {}): Promise<RestoreReport> {
  const log = opts.log ?? (() => {});
  const dir = resolve(backupDir);
  const manifest = await readManifest(dir);
  const t0 = performance.now();
  await refuseUnlessEmpty(manifest, target);

  const dbFile = join(dir, manifest.database.file);
  if (!existsSync(dbFile)) throw new BackupError(`the backup lacks its database file ${manifest.database.file}`);
  if ((await sha256File(dbFile)) !== manifest.database.sha256) {
    throw new BackupError(`the backup's database file ${manifest.database.file} does not match the SHA-256 in its manifest: the backup is damaged`);
  }
  if ((await sha256File(join(dir, manifest.objects.list))) !== manifest.objects.listSha256) {
    throw new BackupError(`the backup's object list ${manifest.objects.list} does not match the SHA-256 in its manifest: the backup is damaged`);
  }

  log(`restoring ${dir} (taken ${manifest.createdAt}, migration ${manifest.migration})`);
  if (manifest.database.kind === 'sqlite') {
    await mkdir(dirname(target.sqliteFile), { recursive: true });
    const tmp = `${target.sqliteFile}.restoring`;
    await copyFile(dbFile, tmp);
    await rename(tmp, target.sqliteFile);
  } else {
    await restorePostgres(target.databaseUrl!, manifest.database.schema, dbFile, dir);
  }
  if (manifest.secrets) {
    await mkdir(dirname(target.secretsFile), { recursive: true });
    await copyFile(join(dir, manifest.secrets), target.secretsFile);
    await chmod(target.secretsFile, 0o600);
  }
  const tDb = performance.now();
  log(`database restored (${sec(tDb - t0)} s)`);

  const problems: string[] = [];
  const checks: string[] = [];
  const source = objectsSource(manifest, dir, opts.objectsFrom);
  let copied = 0;
  let bytes = 0;
  await eachLimited(readObjectList(dir, manifest.objects.list), opts.concurrency ?? 4, async (e) => {
    const got = await copyObject(source, target.store, e.key);
    if (!got) problems.push(`object ${e.key}: missing from the backup`);
    else if (got.sha256 !== e.sha256 || got.size !== e.size) {
      problems.push(`object ${e.key}: SHA-256 ${got.sha256} (${got.size} bytes) differs from the manifest's ${e.sha256} (${e.size} bytes)`);
    } else {
      copied++;
      bytes += got.size;
    }
  });
  const wanted = manifest.objects.count;
  if (copied === wanted) checks.push(`objects: ${copied} of ${wanted} restored, each matching the manifest's SHA-256 (${bytes} bytes)`);
  const tObj = performance.now();
  log(`objects restored (${sec(tObj - tDb)} s)`);

  const handle = openDb({ databaseUrl: target.databaseUrl, dataDir: dirname(target.sqliteFile), sqliteFile: target.sqliteFile });
  try {
    const v = await verifyInstallation(handle, target.store, { manifest, concurrency: opts.concurrency });
    problems.push(...v.problems);
    checks.push(...v.checks);
  } finally {
    await handle.close();
  }
  const tEnd = performance.now();
  return {
    ok: problems.length === 0,
    problems,
    checks,
    manifest,
    seconds: { database: sec(tDb - t0), objects: sec(tObj - tDb), verify: sec(tEnd - tObj), total: sec(tEnd - t0) },
  };
}

/**
 * Checks an installation's data against itself (and against the manifest it was restored from,
 * when given): the audit chain, every recording's source SHA-256, every ready lesson's playlist,
 * every courseware file's SHA-256.
 */
export async function verifyInstallation(handle: Db, store: ObjectStore, opts: { manifest?: BackupManifest; concurrency?: number } = {}): Promise<VerifyReport> {
  const db = handle.db;
  const problems: string[] = [];
  const checks: string[] = [];

  const migration = await lastMigration(db);
  if (opts.manifest && migration !== opts.manifest.migration) {
    problems.push(`database: last migration ${migration} differs from the backup's ${opts.manifest.migration}`);
  }

  const audit = await verifyAuditChain(db);
  if (audit.ok) checks.push(`audit chain: intact, ${audit.rowsChecked} rows, head ${audit.headHash.slice(0, 16)}…`);
  else problems.push(`audit chain: broken at row ${audit.firstBadId} (${audit.problem}): ${audit.detail}`);

  if (opts.manifest && handle.dialect === 'sqlite') {
    // The SQLite copy is the snapshot the counts were taken from, so they must agree exactly.
    const counts = await countsOf(db);
    for (const [table, n] of Object.entries(counts)) {
      const was = opts.manifest.counts[table];
      if (was !== undefined && was !== n) problems.push(`database: ${table} has ${n} rows, the backup recorded ${was}`);
    }
  }

  const recordings = await db.selectFrom('recordings')
    .select(['id', 'sha256', 'source_key', 'size_bytes', 'status', 'media_prefix'])
    .where('source_key', '<>', '')
    .orderBy('id')
    .execute();
  let sourcesOk = 0;
  let playlistsOk = 0;
  let ready = 0;
  async function* rows() { yield* recordings; }
  await eachLimited(rows(), opts.concurrency ?? 2, async (r) => {
    const got = await hashObject(store, r.source_key);
    if (!got) problems.push(`recording ${r.id}: source ${r.source_key} is missing`);
    else if (got.sha256 !== r.sha256) problems.push(`recording ${r.id}: source ${r.source_key} has SHA-256 ${got.sha256}, the row says ${r.sha256}`);
    else sourcesOk++;
    if (r.status === 'ready' && r.media_prefix === null) {
      ready++;
      if (await store.head(hlsMasterKey(r.id))) playlistsOk++;
      else problems.push(`recording ${r.id}: ready but its playlist ${hlsMasterKey(r.id)} is missing`);
    }
  });
  if (sourcesOk === recordings.length) checks.push(`recordings: ${sourcesOk} of ${recordings.length} sources match their rows' SHA-256`);
  if (playlistsOk === ready) checks.push(`recordings: ${playlistsOk} of ${ready} ready lessons have their playlist`);

  const files = await db.selectFrom('resource_files').select(['id', 'sha256', 'storage_key']).orderBy('id').execute();
  let filesOk = 0;
  async function* fileRows() { yield* files; }
  await eachLimited(fileRows(), opts.concurrency ?? 2, async (f) => {
    const got = await hashObject(store, f.storage_key);
    if (!got) problems.push(`courseware file ${f.id}: ${f.storage_key} is missing`);
    else if (got.sha256 !== f.sha256) problems.push(`courseware file ${f.id}: ${f.storage_key} has SHA-256 ${got.sha256}, the row says ${f.sha256}`);
    else filesOk++;
  });
  if (filesOk === files.length) checks.push(`courseware: ${filesOk} of ${files.length} files match their rows' SHA-256`);

  problems.sort();
  return { ok: problems.length === 0, problems, checks };
}

/** Everything the restore would write must be absent: it never merges into or overwrites an installation. */
async function refuseUnlessEmpty(manifest: BackupManifest, target: Installation): Promise<void> {
  const reasons: string[] = [];
  if (manifest.database.kind === 'sqlite') {
    if (target.databaseUrl) reasons.push('the backup holds a SQLite database, but DATABASE_URL names PostgreSQL: unset it to restore into DATA_DIR');
    else if (existsSync(target.sqliteFile)) reasons.push(`a database already exists at ${target.sqliteFile}`);
  } else if (!target.databaseUrl) {
    reasons.push('the backup holds a PostgreSQL dump: set DATABASE_URL to the empty database to restore into');
  } else {
    const tables = await tablesIn(target.databaseUrl, manifest.database.schema);
    if (tables > 0) reasons.push(`schema "${manifest.database.schema}" of DATABASE_URL's database already holds ${tables} tables`);
  }
  if (existsSync(target.secretsFile)) reasons.push(`${target.secretsFile} already exists`);
  for await (const key of target.store.list('')) {
    reasons.push(`the object store (${target.storage.kind === 'fs' ? target.storage.root : `s3://${target.storage.bucket}/${target.storage.prefix ?? ''}`}) is not empty: it holds ${key}`);
    break;
  }
  if (reasons.length) {
    throw new BackupError(`refusing to restore: the target is not empty.\n  - ${reasons.join('\n  - ')}\nRestore only into a new DATA_DIR, an empty database and an empty bucket or prefix.`);
  }
}

async function tablesIn(url: string, schema: string): Promise<number> {
  const handle = openDb({ databaseUrl: url, dataDir: '.' });
  try {
    const r = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = ${schema}`.execute(handle.db);
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await handle.close();
  }
}

async function restorePostgres(url: string, schema: string, dumpFile: string, backupDir: string): Promise<void> {
  const handle = openDb({ databaseUrl: url, dataDir: '.' });
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(handle.db);
  } finally {
    await handle.close();
  }
  const listFile = join(backupDir, `.restore-list-${process.pid}`);
  try {
    await pgRestore(url, schema, dumpFile, listFile);
  } finally {
    await rm(listFile, { force: true });
  }
}

function objectsSource(manifest: BackupManifest, dir: string, objectsFrom: string | null | undefined): ObjectStore {
  if (objectsFrom) return openObjectStore({ storageUrl: objectsFrom, dataDir: dir });
  if (manifest.objects.location.kind === 'folder') return createFsStore({ root: join(dir, manifest.objects.location.path || OBJECTS_FOLDER) });
  // Credentials were left out of the manifest: the SDK's chain (AWS_ACCESS_KEY_ID…) applies, or pass --objects-from.
  return openObjectStore({ storageUrl: manifest.objects.location.url, dataDir: dir });
}

const sec = (ms: number) => Math.round(ms) / 1000;
