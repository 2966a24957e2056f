import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/database.js';
import { DEMO_SCHOOLS } from '../seed/demo-accounts.js';
import { createFsStore } from '../storage/fs-store.js';
import { hlsMasterKey } from '../storage/keys.js';
import type { ObjectStore } from '../storage/object-store.js';
import { openObjectStore, parseStorageUrl } from '../storage/storage-url.js';
import { makeLesson } from '../test-support/media-fixtures.js';
import { startS3rver } from '../test-support/s3rver.js';
import type { TestApp } from '../test-support/test-app.js';
import { createVideoTestApp, runJobs, schoolByCode, sha256OfFile } from '../modules/recordings/recordings.test-kit.js';
import { BackupError, readManifest, readObjectList } from './backup-manifest.js';
import { createBackup } from './backup.js';
import type { Installation } from './installation.js';
import { restoreBackup } from './restore.js';

/*
 * The rehearsal an operator should run before trusting backups: a city with a real processed
 * lesson is backed up while its app is open, the "machine" is replaced by an empty one, the
 * backup is restored there and verified. On SQLite (DATABASE_URL unset) it is SQLite + disk; on
 * PostgreSQL (npm run test:pg) it is PostgreSQL + S3 (s3rver), whatever TEST_STORAGE says, and the
 * objects go to another bucket's prefix instead of the backup folder.
 */
const PG_URL = process.env.DATABASE_URL ?? null;

describe(`backup → wipe → restore rehearsal (${PG_URL ? 'PostgreSQL + S3' : 'SQLite + disk'})`, () => {
  let t: TestApp;
  let source: Installation;
  let recordingId: number;
  let lessonSha: string;
  let backupRoot: string;
  let backupDir: string;
  const cleanups: (() => Promise<unknown>)[] = [];
  // PostgreSQL only: the second S3 server, holding the backup's objects and the restored installations.
  let s3b: { url: string; stop(): Promise<void> } | null = null;

  beforeAll(async () => {
    const storageWas = process.env.TEST_STORAGE;
    if (PG_URL) process.env.TEST_STORAGE = 's3';
    try {
      t = await createVideoTestApp();
    } finally {
      if (storageWas === undefined) delete process.env.TEST_STORAGE;
      else process.env.TEST_STORAGE = storageWas;
    }
    const school = await schoolByCode(t, DEMO_SCHOOLS.guanxianShiyan.code);
    const lesson = join(tmpdir(), `backup-lesson-${process.pid}.mp4`);
    await copyFile(await makeLesson({ seconds: 4 }), lesson);
    lessonSha = await sha256OfFile(lesson);
    ({ recordingId } = await t.services.recordings!.ingest.ingestFile({
      localPath: lesson, sha256: lessonSha, sizeBytes: (await stat(lesson)).size, ext: 'mp4', move: true,
      uploadedBy: { userId: null, deviceId: null },
      meta: {
        schoolId: school.id, roomId: null, groupId: `backup-${process.pid}`, track: 'teacher', title: '备份演练', subject: '数学', grade: '三年级',
        classId: null, teacherUserId: null, teacherName: '李晓燕', lessonStart: '2018-04-04T10:00:00+08:00', lessonEnd: null,
      },
    }));
    await runJobs(t);
    // Audit rows for the chain to verify: logins and a view of the lesson.
    const admin = await t.login('city.admin');
    expect((await admin.request('POST', `/api/recordings/${recordingId}/playback`, {})).statusCode).toBe(200);

    source = {
      databaseUrl: PG_URL ? withSearchPath(PG_URL, await currentSchema(t)) : null,
      sqliteFile: PG_URL ? '' : await sqliteFileOf(t),
      storage: parseStorageUrl(t.config.storageUrl, t.config.dataDir),
      store: t.storage,
      secretsFile: join(t.config.dataDir, 'secrets.json'),
    };
    backupRoot = await mkdtemp(join(tmpdir(), 'sunshine-backups-'));
    if (PG_URL) {
      s3b = await startS3rver();
      cleanups.push(() => s3b!.stop());
    }
  });

  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
    await rm(backupRoot, { recursive: true, force: true });
    await t?.close();
  });

  /** A new, empty machine: DATA_DIR, and on PostgreSQL an empty database and an empty bucket prefix. */
  async function emptyInstallation(): Promise<Installation> {
    const dataDir = await mkdtemp(join(tmpdir(), 'sunshine-restored-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    let databaseUrl: string | null = null;
    let storageUrl: string | null = null;
    if (PG_URL) {
      const name = `restore_${randomBytes(5).toString('hex')}`;
      await adminQuery(PG_URL, `create database ${name}`);
      cleanups.push(() => adminQuery(PG_URL, `drop database if exists ${name} with (force)`));
      const u = new URL(PG_URL);
      u.pathname = `/${name}`;
      // The backed-up schema keeps its name (pg_restore cannot rename it): the restored app is pointed at it.
      databaseUrl = withSearchPath(u.toString(), await currentSchema(t));
      storageUrl = withFolder(s3b!.url, `restored-${randomBytes(4).toString('hex')}`);
    }
    const config = { dataDir, databaseUrl, storageUrl };
    return {
      databaseUrl,
      sqliteFile: join(dataDir, 'sunshine.sqlite'),
      storage: parseStorageUrl(storageUrl, dataDir),
      store: openObjectStore(config),
      secretsFile: join(dataDir, 'secrets.json'),
    };
  }

  /** Where the backup's objects sit: its own folder on SQLite, a prefix of the second S3 server on PostgreSQL. */
  function backupObjectsStore(dir: string): ObjectStore {
    return PG_URL ? openObjectStore({ storageUrl: objectsTo!, dataDir: dir }) : createFsStore({ root: join(dir, 'objects') });
  }
  let objectsTo: string | null = null;

  it('backs up the running installation: database, every object with its SHA-256, the secrets, a manifest', async () => {
    if (PG_URL) objectsTo = withFolder(s3b!.url, 'backup-1');
    const started = performance.now();
    const { dir, manifest } = await createBackup(source, { outDir: backupRoot, objectsTo });
    backupDir = dir;
    console.log(`[backup rehearsal ${PG_URL ? 'pg+s3' : 'sqlite+disk'}] backup: ${manifest.counts.objects} objects, ${manifest.counts.objectBytes} bytes, database ${manifest.database.bytes} bytes: `
      + `database ${manifest.seconds.database} s, objects ${manifest.seconds.objects} s, total ${Math.round(performance.now() - started)} ms`);
    expect(dir).toMatch(/sunshine-\d{8}T\d{6}Z$/);
    expect(manifest.database.kind).toBe(PG_URL ? 'postgres' : 'sqlite');
    expect(manifest.migration).toMatch(/^\d{8}_\d{4}_/);
    expect(manifest.counts.recordings).toBe(1);
    expect(manifest.counts.audit_log).toBeGreaterThan(0);
    // Since migration 0054 the secrets live in the database (platform_secrets); only an installation
    // from before it still has a secrets.json for the backup to carry.
    expect(manifest.secrets).toBeNull();
    expect(manifest.objects.location.kind).toBe(PG_URL ? 'storage' : 'folder');
    if (PG_URL) expect(JSON.stringify(manifest)).not.toContain('S3RVER:S3RVER');

    const entries = new Map<string, { sha256: string; etag?: string }>();
    for await (const e of readObjectList(dir)) entries.set(e.key, e);
    expect(entries.size).toBe(manifest.objects.count);
    const sourceKey = (await t.db.db.selectFrom('recordings').select('source_key').where('id', '=', recordingId).executeTakeFirstOrThrow()).source_key;
    expect(entries.get(sourceKey)?.sha256).toBe(lessonSha);
    expect(entries.has(hlsMasterKey(recordingId))).toBe(true);
    if (PG_URL) expect(entries.get(sourceKey)?.etag).toBeTruthy();
    // The copies are where the manifest says, byte for byte.
    const copy = await backupObjectsStore(dir).get(sourceKey);
    expect(copy?.size).toBe((await stat(await makeLesson({ seconds: 4 }))).size);
    copy?.body.destroy();
  });

  it('restores into an empty installation and verifies the audit chain and every recording\'s SHA-256', async () => {
    const target = await emptyInstallation();
    const r = await restoreBackup(backupDir, target, { objectsFrom: objectsTo });
    console.log(`[backup rehearsal ${PG_URL ? 'pg+s3' : 'sqlite+disk'}] restore: database ${r.seconds.database} s, objects ${r.seconds.objects} s, verify ${r.seconds.verify} s, total ${r.seconds.total} s`);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checks.join('\n')).toMatch(/audit chain: intact, [1-9]\d* rows/);
    expect(r.checks).toContain('recordings: 1 of 1 sources match their rows\' SHA-256');
    expect(r.checks).toContain('recordings: 1 of 1 ready lessons have their playlist');

    // The restored installation is the old one: the lesson's row and bytes, the same media-token key.
    const handle = openDb({ databaseUrl: target.databaseUrl, dataDir: join(target.sqliteFile, '..'), sqliteFile: target.sqliteFile });
    try {
      const row = await handle.db.selectFrom('recordings').select(['status', 'sha256']).where('id', '=', recordingId).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'ready', sha256: lessonSha });
      const secretsOf = (db: typeof handle.db) => db.selectFrom('platform_secrets').select(['name', 'value']).orderBy('name').execute();
      const restored = await secretsOf(handle.db);
      expect(restored.length).toBeGreaterThan(0);
      expect(restored).toEqual(await secretsOf(t.db.db));
    } finally {
      await handle.close();
    }
    expect(await target.store.head(hlsMasterKey(recordingId))).not.toBeNull();
  });

  it('refuses to restore over anything: a used data folder, database or bucket is named, nothing is written', async () => {
    const target = await emptyInstallation();
    await target.store.putStream('recordings/999/poster.jpg', (await import('node:stream')).Readable.from([Buffer.from('x')]));
    await writeFile(target.secretsFile, '{}');
    const err = await restoreBackup(backupDir, target, { objectsFrom: objectsTo }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toMatch(/^refusing to restore: the target is not empty/);
    expect((err as Error).message).toContain('secrets.json already exists');
    expect((err as Error).message).toContain('holds recordings/999/poster.jpg');
    if (!PG_URL) {
      await expect(stat(target.sqliteFile)).rejects.toThrow();
    } else {
      // The database stayed empty too: the check runs before anything is written.
      const tables = await adminQuery(target.databaseUrl!, 'select count(*)::int as n from information_schema.tables where table_schema = current_schema()');
      expect(tables[0]?.n).toBe(0);
    }
  });

  it.skipIf(PG_URL)('a nightly backup with --previous latest hard-links unchanged objects and still restores whole', async () => {
    const first = await readManifest(backupDir);
    const { dir, manifest } = await createBackup(source, { outDir: backupRoot, previous: 'latest', clock: () => new Date(Date.parse(first.createdAt) + 60_000) });
    expect(manifest.objects.reused).toBe(first.objects.count);
    const r = await restoreBackup(dir, await emptyInstallation());
    expect(r.problems).toEqual([]);
    expect(r.checks).toContain('recordings: 1 of 1 sources match their rows\' SHA-256');
  });

  it('names the object when a file in the backup was altered, and fails verification', async () => {
    const manifest = await readManifest(backupDir);
    const sourceKey = (await t.db.db.selectFrom('recordings').select('source_key').where('id', '=', recordingId).executeTakeFirstOrThrow()).source_key;
    // Flip bytes in the middle of the lesson's copy, as bit rot or a tampering hand would.
    const store = backupObjectsStore(backupDir);
    const obj = await store.get(sourceKey);
    const chunks: Buffer[] = [];
    for await (const c of obj!.body) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    bytes.fill(0x55, bytes.length >> 1, (bytes.length >> 1) + 64);
    await store.putStream(sourceKey, (await import('node:stream')).Readable.from([bytes]));

    const r = await restoreBackup(backupDir, await emptyInstallation(), { objectsFrom: objectsTo });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      expect.stringMatching(new RegExp(`^object ${sourceKey}: SHA-256 [0-9a-f]{64} \\(\\d+ bytes\\) differs from the manifest's ${lessonSha}`)),
      expect.stringMatching(new RegExp(`^recording ${recordingId}: source ${sourceKey} has SHA-256 [0-9a-f]{64}, the row says ${lessonSha}$`)),
    ]);
    // Everything else still checked out and says so.
    expect(r.checks.join('\n')).toMatch(/audit chain: intact/);
    expect(manifest.objects.count).toBeGreaterThan(2);
  });
});

async function sqliteFileOf(t: TestApp): Promise<string> {
  const rows = await sql<{ name: string; file: string }>`pragma database_list`.execute(t.db.db);
  return rows.rows.find((r) => r.name === 'main')!.file;
}

async function currentSchema(t: TestApp): Promise<string> {
  return (await sql<{ s: string }>`select current_schema() as s`.execute(t.db.db)).rows[0]!.s;
}

/** A connection URL whose sessions use `schema` (libpq and node-postgres both read `options`). */
function withSearchPath(url: string, schema: string): string {
  // %20, not URLSearchParams' `+`: libpq does not read `+` as a space.
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** The same S3 URL with a folder inside its bucket. */
function withFolder(s3url: string, folder: string): string {
  return s3url.replace(/@([a-z0-9.-]+)\?/, `@$1/${folder}?`);
}

async function adminQuery(url: string, text: string): Promise<{ n?: number }[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as { n?: number }[];
  } finally {
    await c.end();
  }
}
