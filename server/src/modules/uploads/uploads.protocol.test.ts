import { appendFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { makeLesson } from '../../test-support/media-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import {
  addRoomWithDevice, createVideoTestApp, lessonMetadata, schoolByCode, sha256OfFile, tusMetadata,
} from '../recordings/recordings.test-kit.js';

const TUS = { 'tus-resumable': '1.0.0' };
const OCTETS = { 'content-type': 'application/offset+octet-stream' };

/** The spec's answers, request by request, from the recorder's side and the attacker's. */
describe('uploads: tus protocol answers', () => {
  let t: TestApp;
  let dev: Awaited<ReturnType<typeof addRoomWithDevice>>;
  let other: Awaited<ReturnType<typeof addRoomWithDevice>>;
  let bytes: Buffer;

  beforeAll(async () => {
    t = await createVideoTestApp({ MAX_UPLOAD_BYTES: String(1024 * 1024) });
    dev = await addRoomWithDevice(t);
    other = await addRoomWithDevice(t);
    bytes = await readFile(await makeLesson({ seconds: 2, width: 160, height: 120 }));
  });
  afterAll(async () => t.close());

  const auth = (token = dev.token) => ({ authorization: `Bearer ${token}` });
  const create = (meta = lessonMetadata(), size = bytes.length, headers: Record<string, string> = auth()) =>
    t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...TUS, ...headers, 'upload-length': String(size), 'upload-metadata': tusMetadata(meta) } });
  const patch = (url: string, offset: number, body: Buffer, headers: Record<string, string> = auth()) =>
    t.app.inject({ method: 'PATCH', url, headers: { ...TUS, ...OCTETS, ...headers, 'upload-offset': String(offset) }, payload: body });
  const head = (url: string, headers: Record<string, string> = auth()) => t.app.inject({ method: 'HEAD', url, headers: { ...TUS, ...headers } });

  it('creates, reports the offset on HEAD, and refuses a wrong offset with 409 changing nothing', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    const url = res.headers.location as string;
    expect(url).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);
    expect(res.headers['upload-expires']).toBeTruthy();
    expect((await patch(url, 0, bytes.subarray(0, 1000))).headers['upload-offset']).toBe('1000');
    const wrong = await patch(url, 500, bytes.subarray(500, 2000));
    expect(wrong.statusCode).toBe(409);
    const h = await head(url);
    expect(h.statusCode).toBe(200);
    expect(h.headers['upload-offset']).toBe('1000');
    expect(h.headers['upload-length']).toBe(String(bytes.length));
    expect(h.headers['cache-control']).toBe('no-store');
  });

  it('answers 413 above the maximum size, or past the declared length', async () => {
    const opts = await t.app.inject({ method: 'OPTIONS', url: '/api/uploads' });
    expect(opts.headers['tus-max-size']).toBe(String(1024 * 1024));
    expect((await create(lessonMetadata(), 1024 * 1024 + 1)).statusCode).toBe(413);
    const url = (await create(lessonMetadata(), 100)).headers.location as string;
    expect((await patch(url, 0, bytes.subarray(0, 200))).statusCode).toBe(413);
  });

  it('answers 412 without Tus-Resumable, 415 for a PATCH of another content type, 401 without a valid token', async () => {
    const url = (await create()).headers.location as string;
    expect((await t.app.inject({ method: 'HEAD', url, headers: auth() })).statusCode).toBe(412);
    expect((await t.app.inject({ method: 'PATCH', url, headers: { ...TUS, ...auth(), 'upload-offset': '0', 'content-type': 'text/plain' }, payload: 'x' })).statusCode).toBe(415);
    expect((await head(url, {})).statusCode).toBe(401);
    expect((await head(url, auth(`scd_${'x'.repeat(43)}`))).statusCode).toBe(401);
  });

  it('refuses bad metadata with a Chinese reason: no lesson start, another room, a track the room lacks', async () => {
    const noStart = await create({ ...lessonMetadata(), lessonStart: '' });
    expect(noStart.statusCode).toBe(400);
    expect(noStart.json()).toMatchObject({ code: 'UPLOAD_METADATA_MISSING', message: expect.stringContaining('lessonStart') });
    const foreignRoom = await create(lessonMetadata({ roomId: String(other.roomId) }));
    expect(foreignRoom.statusCode).toBe(403);
    expect(foreignRoom.json().code).toBe('DEVICE_ROOM_MISMATCH');
    const track = await create(lessonMetadata({ track: 'screen' }));
    expect(track.statusCode).toBe(400);
    expect(track.json().message).toMatch(/screen/);
  });

  it('answers 404 to another device or person for every method on an upload', async () => {
    const url = (await create()).headers.location as string;
    const teacher = await t.login('gxsy.teacher');
    for (const headers of [auth(other.token), teacher.headers]) {
      expect((await head(url, headers)).statusCode).toBe(404);
      expect((await patch(url, 0, bytes.subarray(0, 10), headers)).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'DELETE', url, headers: { ...TUS, ...headers } })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url, headers })).statusCode).toBe(404);
    }
    expect((await head(url)).headers['upload-offset']).toBe('0');
  });

  it('fails an upload whose SHA-256 differs from the announced one (460), and says so on resume', async () => {
    const url = (await create(lessonMetadata({ sha256: '0'.repeat(64) }))).headers.location as string;
    const done = await patch(url, 0, bytes);
    expect(done.statusCode).toBe(460);
    expect(JSON.parse(done.body)).toMatchObject({ code: 'UPLOAD_SHA256_MISMATCH' });
    const again = await head(url);
    expect(again.statusCode).toBe(410);
    const status = await t.app.inject({ method: 'GET', url, headers: auth() });
    expect(status.json()).toMatchObject({ status: 'failed', failureCode: 'UPLOAD_SHA256_MISMATCH', recordingId: null });
  });

  it('catches up the hash when the server died mid-PATCH (bytes on disk the saved state never saw)', async () => {
    const file = await makeLesson({ seconds: 2, width: 176, height: 144 });
    const data = await readFile(file);
    const res = await create(lessonMetadata({ sha256: await sha256OfFile(file) }), data.length);
    const url = res.headers.location as string;
    await patch(url, 0, data.subarray(0, 4000));
    // As if a PATCH had written 3000 more bytes and the process was killed before saving the hash.
    await appendFile(join(t.config.dataDir, 'uploads', url.split('/').pop()!), data.subarray(4000, 7000));
    expect((await head(url)).headers['upload-offset']).toBe('7000');
    const done = await patch(url, 7000, data.subarray(7000));
    expect(done.statusCode).toBe(204);
    const rec = await t.db.db.selectFrom('recordings').select(['sha256']).where('id', '=', Number(done.headers['sunshine-recording-id'])).executeTakeFirstOrThrow();
    expect(rec.sha256).toBe(await sha256OfFile(file));
    // A resumed client that asks again learns the upload is complete.
    const after = await head(url);
    expect(after.statusCode).toBe(200);
    expect(after.headers['upload-offset']).toBe(String(data.length));
  });

  it('hashes the staged bytes from disk once when the running hash is gone (a restart), and keeps the SHA-256 right', async () => {
    const file = await makeLesson({ seconds: 2, width: 192, height: 144 });
    const data = await readFile(file);
    const url = (await create(lessonMetadata({ sha256: await sha256OfFile(file) }), data.length)).headers.location as string;
    expect((await patch(url, 0, data.subarray(0, 5000))).statusCode).toBe(204);
    // What a restarted server knows: the staged file, no running hash.
    t.services.recordings!.uploads.store.forget(url.split('/').pop()!);
    expect((await patch(url, 5000, data.subarray(5000, 9000))).headers['upload-offset']).toBe('9000');
    const done = await patch(url, 9000, data.subarray(9000));
    expect(done.statusCode).toBe(204);
    const rec = await t.db.db.selectFrom('recordings').select(['sha256']).where('id', '=', Number(done.headers['sunshine-recording-id'])).executeTakeFirstOrThrow();
    expect(rec.sha256).toBe(await sha256OfFile(file));
  });

  it('expires an unfinished upload after UPLOAD_EXPIRY_HOURS of silence (410) and deletes its bytes', async () => {
    const url = (await create()).headers.location as string;
    await patch(url, 0, bytes.subarray(0, 100));
    const staged = join(t.config.dataDir, 'uploads', url.split('/').pop()!);
    expect((await stat(staged)).size).toBe(100);
    t.clock.advance(169 * 3_600_000);
    expect((await head(url)).statusCode).toBe(410);
    expect(await t.services.recordings!.uploads.purgeExpiredUploads()).toBeGreaterThan(0);
    await expect(stat(staged)).rejects.toThrow();
    t.clock.advance(-169 * 3_600_000);
  });

  it('lets a teacher upload for their own school from the browser (session + CSRF), nobody else', async () => {
    const gxsy = await schoolByCode(t, DEMO_SCHOOLS.guanxianShiyan.code);
    const sx = await schoolByCode(t, DEMO_SCHOOLS.shenxianShiyan.code);
    const teacher = await t.login('gxsy.teacher');
    const noCsrf = await create(lessonMetadata({ schoolId: String(gxsy.id) }), bytes.length, { cookie: teacher.headers.cookie });
    expect(noCsrf.statusCode).toBe(403);
    const own = await create(lessonMetadata({ schoolId: String(gxsy.id) }), bytes.length, teacher.headers);
    expect(own.statusCode).toBe(201);
    const foreign = await create(lessonMetadata({ schoolId: String(sx.id) }), bytes.length, teacher.headers);
    expect(foreign.statusCode).toBe(403);
    const parent = await t.login('gxsy.parent');
    expect((await create(lessonMetadata({ schoolId: String(gxsy.id) }), bytes.length, parent.headers)).statusCode).toBe(403);
    expect((await create(lessonMetadata(), bytes.length, {})).statusCode).toBe(401);
    const status = await teacher.get(own.headers.location as string);
    expect(status.json()).toMatchObject({ status: 'uploading', receivedBytes: 0, size: bytes.length });
  });

  it('terminates an upload on DELETE; it is then gone', async () => {
    const url = (await create()).headers.location as string;
    expect((await t.app.inject({ method: 'DELETE', url, headers: { ...TUS, ...auth() } })).statusCode).toBe(204);
    const gone = await head(url);
    expect(gone.statusCode).toBe(410);
    expect((await t.app.inject({ method: 'GET', url, headers: auth() })).json()).toMatchObject({ status: 'failed', failureCode: 'UPLOAD_CANCELLED' });
  });
});
