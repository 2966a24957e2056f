import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLesson } from '../../test-support/media-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import {
  addRoomWithDevice, createVideoTestApp, lessonMetadata, runJobs, sha256OfFile,
} from '../recordings/recordings.test-kit.js';

// Exported by the Node build of tus-js-client, missing from its typings.
const { FileUrlStorage } = tus as unknown as { FileUrlStorage: new (path: string) => tus.UrlStorage };

const urlFile = join(tmpdir(), `tus-urls-${process.pid}-${Date.now()}.json`);

/** The resumable path a recorder takes: tus-js-client against the real server on a port. */
describe('uploads: tus ingest', () => {
  let t: TestApp;
  let base: string;
  let device: Awaited<ReturnType<typeof addRoomWithDevice>>;
  let lesson: string;

  beforeAll(async () => {
    t = await createVideoTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    device = await addRoomWithDevice(t);
    lesson = await makeLesson({ seconds: 4 });
  });
  afterAll(async () => t.close());

  function client(file: string, meta: Record<string, string>, extra: Partial<tus.UploadOptions> = {}) {
    return new tus.Upload(createReadStream(file), {
      endpoint: `${base}/api/uploads`,
      headers: { Authorization: `Bearer ${device.token}` },
      metadata: meta,
      chunkSize: 32 * 1024,
      retryDelays: null,
      urlStorage: new FileUrlStorage(urlFile),
      ...extra,
    });
  }

  it('resumes an upload cut mid-way from a new client, and the lesson ends ready with the source\'s SHA-256', async () => {
    const meta = lessonMetadata();
    const size = (await readFile(lesson)).length;
    // First client: cut once more than half has arrived.
    const first = client(lesson, meta);
    await new Promise<void>((resolve, reject) => {
      first.options.onChunkComplete = (_chunk, accepted) => {
        if (accepted > size / 2) void first.abort().then(resolve);
      };
      first.options.onError = reject;
      first.start();
    });
    const afterCut = await t.db.db.selectFrom('uploads').selectAll().executeTakeFirstOrThrow();
    expect(Number(afterCut.received_bytes)).toBeGreaterThan(size / 2);
    expect(Number(afterCut.received_bytes)).toBeLessThan(size);

    // Second client, same file: finds the upload by fingerprint and continues from the server's offset.
    const second = client(lesson, meta);
    const previous = await second.findPreviousUploads();
    expect(previous.length).toBe(1);
    second.resumeFromPreviousUpload(previous[0]!);
    let recordingHeader: string | undefined;
    await new Promise<void>((resolve, reject) => {
      second.options.onAfterResponse = (_req, res) => { recordingHeader = res.getHeader('Sunshine-Recording-Id') ?? recordingHeader; };
      second.options.onSuccess = () => resolve();
      second.options.onError = reject;
      second.start();
    });
    expect(second.url).toBe(first.url);

    const sha = await sha256OfFile(lesson);
    const rec = await t.db.db.selectFrom('recordings').selectAll().where('sha256', '=', sha).executeTakeFirstOrThrow();
    expect(String(rec.id)).toBe(recordingHeader);
    expect(rec).toMatchObject({ status: 'queued', school_id: device.schoolId, room_id: device.roomId, track: 'teacher', school_day: '2018-04-04', size_bytes: size });
    const stored = await t.storage.get(rec.source_key);
    const h = createHash('sha256');
    for await (const chunk of stored!.body) h.update(chunk as Buffer);
    expect(h.digest('hex')).toBe(sha);

    await runJobs(t);
    const ready = await t.db.db.selectFrom('recordings').selectAll().where('id', '=', rec.id).executeTakeFirstOrThrow();
    expect(ready).toMatchObject({ status: 'ready', progress: 100, packaging: 'copy', has_audio: 1 });
    const up = await t.db.db.selectFrom('uploads').selectAll().where('recording_id', '=', rec.id).executeTakeFirstOrThrow();
    expect(up.status).toBe('complete');
  });

  it('yields one recording when the same file is uploaded twice', async () => {
    const file = await makeLesson({ seconds: 3, width: 160, height: 120 });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const up = client(file, lessonMetadata(), { storeFingerprintForResuming: false, chunkSize: 1024 * 1024 });
      await new Promise<void>((resolve, reject) => {
        up.options.onAfterResponse = (_req, res) => { const id = res.getHeader('Sunshine-Recording-Id'); if (id) ids.push(id); };
        up.options.onSuccess = () => resolve();
        up.options.onError = reject;
        up.start();
      });
    }
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    const sha = await sha256OfFile(file);
    const rows = await t.db.db.selectFrom('recordings').select('id').where('sha256', '=', sha).execute();
    expect(rows).toHaveLength(1);
  });
});
