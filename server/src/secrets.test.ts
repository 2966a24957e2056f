import { copyFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from './seed/demo-accounts.js';
import { makeLesson } from './test-support/media-fixtures.js';
import { createTestApp, type TestApp } from './test-support/test-app.js';
import { createTestDb } from './test-support/test-db.js';
import { createVideoTestApp, runJobs, schoolByCode, sha256OfFile, VIDEO_TEST_ENV } from './modules/recordings/recordings.test-kit.js';
import { loadSecrets } from './secrets.js';
import { mkdtempSync } from 'node:fs';

/** Two API nodes, each with its own DATA_DIR (as on two machines), on one database and object store. */
describe('secrets shared by every node', () => {
  let a: TestApp;
  let b: TestApp;
  let lesson: number;

  beforeAll(async () => {
    a = await createVideoTestApp();
    b = await createTestApp({ nodeOf: a, env: VIDEO_TEST_ENV });
    const school = await schoolByCode(a, DEMO_SCHOOLS.guanxianShiyan.code);
    const copy = join(tmpdir(), `secrets-${process.pid}.mp4`);
    await copyFile(await makeLesson({ seconds: 3, width: 160, height: 120 }), copy);
    ({ recordingId: lesson } = await a.services.recordings!.ingest.ingestFile({
      localPath: copy, sha256: await sha256OfFile(copy), sizeBytes: (await stat(copy)).size, ext: 'mp4', move: true,
      uploadedBy: { userId: null, deviceId: null },
      meta: {
        schoolId: school.id, roomId: null, groupId: 'two-nodes', track: 'teacher', title: '两台节点', subject: '数学', grade: '三年级',
        classId: null, teacherUserId: null, teacherName: '李晓燕', lessonStart: '2018-04-04T10:00:00+08:00', lessonEnd: null,
      },
    }));
    await runJobs(a);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('plays on node B a lesson whose playback token node A minted, and the other way round', async () => {
    expect(a.config.dataDir).not.toBe(b.config.dataDir);
    const viewer = await a.login('gxsy.teacher');
    for (const [minter, player] of [[a, b], [b, a]] as const) {
      const grant = (await minter.app.inject({ method: 'POST', url: `/api/recordings/${lesson}/playback`, headers: viewer.headers })).json() as { master: string };
      const res = await player.app.inject({ method: 'GET', url: grant.master, headers: { cookie: viewer.headers.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('#EXTM3U');
    }
  });

  it('still refuses on node B a token signed with another key', async () => {
    const viewer = await a.login('gxsy.teacher');
    const grant = (await a.app.inject({ method: 'POST', url: `/api/recordings/${lesson}/playback`, headers: viewer.headers })).json() as { master: string };
    const forged = grant.master.replace(/\/api\/media\/([^/]+)\//, (_m, token: string) => `/api/media/${token.slice(0, -4)}AAAA/`);
    const res = await b.app.inject({ method: 'GET', url: forged, headers: { cookie: viewer.headers.cookie } });
    expect(res.statusCode).toBe(403);
  });
});

describe('where the secrets come from', () => {
  it('generates one key for nodes starting together, keeps an upgraded installation\'s secrets.json key, and lets MEDIA_TOKEN_SECRET win', async () => {
    const db = await createTestDb();
    try {
      const dirs = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'sunshine-node-')));
      // Node 0 was the single machine before the upgrade: its file's key becomes the installation's.
      await writeFile(join(dirs[0]!, 'secrets.json'), JSON.stringify({ mediaTokenKey: 'kept-from-the-single-machine-key-0123456789' }));
      const together = await Promise.all(dirs.map((dataDir) => loadSecrets({ db, dataDir })));
      expect(new Set(together.map((s) => s.mediaTokenKey)).size).toBe(1);
      // Whichever node inserted first: the file's key is kept when node 0 won, else one generated key for all.
      const row = await db.db.selectFrom('platform_secrets').selectAll().executeTakeFirstOrThrow();
      expect(row.value).toBe(together[0]!.mediaTokenKey);
      // A later start reads the stored key, with or without the old file.
      expect((await loadSecrets({ db, dataDir: dirs[1]! })).mediaTokenKey).toBe(row.value);
      const configured = 'set-by-the-operator-0123456789abcdefghij';
      expect((await loadSecrets({ db, dataDir: dirs[2]!, configured: { mediaTokenKey: configured } })).mediaTokenKey).toBe(configured);
    } finally {
      await db.dropAll();
    }
  });

  it('carries the key of an existing installation\'s secrets.json into the database on its first start', async () => {
    const db = await createTestDb();
    try {
      const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-node-'));
      await writeFile(join(dataDir, 'secrets.json'), JSON.stringify({ mediaTokenKey: 'kept-from-the-single-machine-key-0123456789' }));
      expect((await loadSecrets({ db, dataDir })).mediaTokenKey).toBe('kept-from-the-single-machine-key-0123456789');
      const row = await db.db.selectFrom('platform_secrets').selectAll().executeTakeFirstOrThrow();
      expect({ value: row.value, origin: row.origin }).toEqual({ value: 'kept-from-the-single-machine-key-0123456789', origin: 'secrets.json' });
      // The second machine, with an empty DATA_DIR, gets the same key.
      expect((await loadSecrets({ db, dataDir: mkdtempSync(join(tmpdir(), 'sunshine-node-')) })).mediaTokenKey).toBe(row.value);
    } finally {
      await db.dropAll();
    }
  });
});
