import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage, startS3rver } from '../test-support/s3rver.js';
import { InvalidObjectKeyError, type ObjectStore, ObjectRangeError } from './object-store.js';
import { openObjectStore } from './storage-url.js';

const text = async (body: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
};
const collect = async (it: AsyncIterable<string>) => {
  const keys: string[] = [];
  for await (const k of it) keys.push(k);
  return keys;
};

/** A stream of `mib` MiB made on the fly, one fresh MiB at a time, and its SHA-256. */
function generated(mib: number): { stream: Readable; sha256: string } {
  const hash = createHash('sha256');
  for (let i = 0; i < mib; i++) hash.update(Buffer.alloc(1 << 20, i % 251));
  const stream = Readable.from((function* () {
    for (let i = 0; i < mib; i++) yield Buffer.alloc(1 << 20, i % 251);
  })(), { objectMode: false, highWaterMark: 1 << 20 });
  return { stream, sha256: hash.digest('hex') };
}

// Live memory, not garbage waiting for a collection: measure right after forcing one.
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** About how far live heap + buffer memory rose above where it started while `fn` ran. */
async function memoryRiseDuring(fn: () => Promise<void>): Promise<number> {
  const used = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = used();
  let peak = base;
  const timer = setInterval(() => { peak = Math.max(peak, used()); }, 100);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, used()) - base;
}

describe.each([{ name: 'fs' }, { name: 's3' }] as const)('object store on $name', ({ name }) => {
  let store: ObjectStore;
  let dir: string;
  let stopS3: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sunshine-storage-'));
    if (name === 's3') {
      const s3 = await startS3rver();
      stopS3 = s3.stop;
      store = openObjectStore({ storageUrl: s3.url, dataDir: dir });
    } else {
      store = openObjectStore({ storageUrl: null, dataDir: dir });
    }
    expect(store.kind).toBe(name);
  });
  afterAll(async () => {
    await stopS3?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a stream and reads it back whole, with size and the content type of its extension', async () => {
    await store.putStream('t/whole/seg-1.ts', Readable.from([Buffer.from('hello '), Buffer.from('world')]));
    const got = await store.get('t/whole/seg-1.ts');
    expect(got).toMatchObject({ size: 11, contentType: 'video/mp2t', range: null });
    expect(await text(got!.body)).toBe('hello world');
    expect(await store.head('t/whole/seg-1.ts')).toEqual({ size: 11 });
  });

  it('reads byte ranges: inclusive end, open end, end clamped to the last byte; past the end is a range error', async () => {
    await store.putStream('t/range/a.txt', Readable.from([Buffer.from('hello world')]));
    const mid = await store.get('t/range/a.txt', { start: 2, end: 4 });
    expect(mid).toMatchObject({ size: 11, range: { start: 2, end: 4 } });
    expect(await text(mid!.body)).toBe('llo');
    const tail = await store.get('t/range/a.txt', { start: 6 });
    expect(tail!.range).toEqual({ start: 6, end: 10 });
    expect(await text(tail!.body)).toBe('world');
    const clamped = await store.get('t/range/a.txt', { start: 9, end: 500 });
    expect(clamped!.range).toEqual({ start: 9, end: 10 });
    expect(await text(clamped!.body)).toBe('ld');
    await expect(store.get('t/range/a.txt', { start: 11 })).rejects.toMatchObject({ constructor: ObjectRangeError, size: 11 });
    await expect(store.get('t/range/a.txt', { start: 5, end: 4 })).rejects.toThrow(RangeError);
  });

  it('answers null, not an error, for a missing object', async () => {
    expect(await store.get('t/missing/nothing.ts')).toBeNull();
    expect(await store.get('t/missing/nothing.ts', { start: 0 })).toBeNull();
    expect(await store.head('t/missing/nothing.ts')).toBeNull();
    await store.delete('t/missing/nothing.ts');
  });

  it('copies a local file, or moves it when asked; an overwrite replaces the object', async () => {
    const src = join(dir, 'src.mp4');
    writeFileSync(src, 'first');
    await store.putFile('t/file/source.mp4', src);
    expect(existsSync(src)).toBe(true);
    writeFileSync(src, 'second!');
    await store.putFile('t/file/source.mp4', src, undefined, { move: true });
    expect(existsSync(src)).toBe(false);
    const got = await store.get('t/file/source.mp4');
    expect(got).toMatchObject({ size: 7, contentType: 'video/mp4' });
    expect(await text(got!.body)).toBe('second!');
  });

  // HLS segments are stored without an fsync and made durable later (recordings.durable.ts); the
  // later sync must tell which of them a power cut lost in between.
  it('stores a moved file with its sync deferred, readable at once; the later sync names objects that are gone or short', async () => {
    const files = ['a', 'b', 'c'].map((n, i) => {
      const path = join(dir, `seg-${n}.ts`);
      writeFileSync(path, n.repeat(100 + i));
      return { key: `t/deferred/seg-${n}.ts`, path, size: 100 + i };
    });
    for (const f of files) await store.putFile(f.key, f.path, undefined, { move: true, deferSync: true });
    expect(await text((await store.get('t/deferred/seg-b.ts'))!.body)).toBe('b'.repeat(101));
    if (name === 's3') {
      expect(store.syncDeferred).toBeUndefined();
      return;
    }
    expect(await store.syncDeferred!(files)).toEqual([]);
    // What a power cut before the sync leaves: one object short, one missing.
    truncateSync(store.localPath('t/deferred/seg-a.ts')!, 50);
    rmSync(store.localPath('t/deferred/seg-c.ts')!);
    expect(await store.syncDeferred!(files)).toEqual(['t/deferred/seg-a.ts', 't/deferred/seg-c.ts']);
  });

  it('keeps no part of an object whose stream failed, and keeps the object it would have replaced', async () => {
    await store.putStream('t/fail/keep.ts', Readable.from([Buffer.from('old')]));
    const failing = (key: string) => store.putStream(key, Readable.from((async function* () {
      yield Buffer.alloc(64 * 1024, 1);
      throw new Error('link cut');
    })()));
    await expect(failing('t/fail/new.ts')).rejects.toThrow();
    await expect(failing('t/fail/keep.ts')).rejects.toThrow();
    expect(await store.head('t/fail/new.ts')).toBeNull();
    expect(await text((await store.get('t/fail/keep.ts'))!.body)).toBe('old');
    expect(await collect(store.list('t/fail/'))).toEqual(['t/fail/keep.ts']);
  });

  it('lists by plain prefix, in byte order as S3 lists', async () => {
    for (const key of ['k/b/c', 'k.x', 'k/a', 'k-z', 'l/other']) await store.putStream(`t/list/${key}`, Readable.from([Buffer.from(key)]));
    const listed = await collect(store.list('t/list/k'));
    // s3rver, unlike S3, lists a folder's contents before its siblings; the order is checked on disk.
    expect(name === 's3' ? listed.sort() : listed).toEqual(['t/list/k-z', 't/list/k.x', 't/list/k/a', 't/list/k/b/c']);
    expect(await collect(store.list('t/list/k/'))).toEqual(['t/list/k/a', 't/list/k/b/c']);
    expect(await collect(store.list('t/list/nothing/'))).toEqual([]);
    expect(await collect(store.list(''))).toContain('t/list/l/other');
  });

  it('deletes one object, or every object under a prefix, and nothing else', async () => {
    for (const key of ['recordings/1/hls/a.ts', 'recordings/1/hls/b.ts', 'recordings/1/poster.jpg', 'recordings/12/poster.jpg']) {
      await store.putStream(`t/del/${key}`, Readable.from([Buffer.from('x')]));
    }
    await store.delete('t/del/recordings/1/hls/b.ts');
    expect(await store.head('t/del/recordings/1/hls/b.ts')).toBeNull();
    expect(await store.deletePrefix('t/del/recordings/1/')).toBe(2);
    expect(await collect(store.list('t/del/'))).toEqual(['t/del/recordings/12/poster.jpg']);
    expect(await store.deletePrefix('t/del/recordings/1/')).toBe(0);
    await expect(store.deletePrefix('')).rejects.toThrow(InvalidObjectKeyError);
  });

  it('refuses keys that could leave the store or mean different things on disk and in S3', async () => {
    const bad = ['../escape', '/etc/passwd', 'a/../../b', 'a//b', 'a/./b', '.hidden', 'a/.tmp-x', 'a\\b', '', 'a/', 'x'.repeat(600), 'a b'];
    for (const key of bad) {
      await expect(store.putStream(key, Readable.from([Buffer.from('x')])), key).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.get(key), key).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.head(key), key).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.delete(key), key).rejects.toThrow(InvalidObjectKeyError);
    }
    expect(() => store.list('../')).toThrow(InvalidObjectKeyError);
    await expect(store.deletePrefix('t/../')).rejects.toThrow(InvalidObjectKeyError);
    expect(() => store.localPath('../x')).toThrow(InvalidObjectKeyError);
  });

  it('gives ffmpeg a file to read in place on disk, and nothing for S3', async () => {
    await store.putStream('t/local/source.mp4', Readable.from([Buffer.from('x')]));
    const path = store.localPath('t/local/source.mp4');
    if (name === 'fs') expect(path && existsSync(path) && path.startsWith(join(dir, 'objects'))).toBe(true);
    else expect(path).toBeNull();
  });

  it('streams a large object in and out without holding it in memory', async () => {
    const mib = 128;
    const { stream, sha256 } = generated(mib);
    const putRise = await memoryRiseDuring(() => store.putStream('t/big/source.mp4', stream));
    expect(await store.head('t/big/source.mp4')).toEqual({ size: mib << 20 });
    const hash = createHash('sha256');
    const getRise = await memoryRiseDuring(async () => {
      for await (const chunk of (await store.get('t/big/source.mp4'))!.body) hash.update(chunk as Buffer);
    });
    expect(hash.digest('hex')).toBe(sha256);
    // Half the object: a store holding it whole could not stay under that. What does rise is
    // S3's multipart parts (8 MiB, two in flight) and buffers the collector has not yet freed.
    expect(putRise).toBeLessThan((mib << 20) / 2);
    expect(getRise).toBeLessThan((mib << 20) / 2);
  }, 60_000);
});

describe('test storage helper', () => {
  it('gives disk by default and s3rver when TEST_STORAGE=s3, reachable again from its storageUrl and dataDir', async () => {
    const before = process.env.TEST_STORAGE;
    try {
      for (const [env, kind] of [[undefined, 'fs'], ['s3', 's3']] as const) {
        if (env) process.env.TEST_STORAGE = env;
        else delete process.env.TEST_STORAGE;
        const storage = await createTestStorage();
        expect(storage.store.kind).toBe(kind);
        await storage.store.putStream('a/b.txt', Readable.from([Buffer.from('seen')]));
        const again = openObjectStore({ storageUrl: storage.storageUrl, dataDir: storage.dataDir });
        expect(await text((await again.get('a/b.txt'))!.body)).toBe('seen');
        await storage.stop();
      }
    } finally {
      if (before === undefined) delete process.env.TEST_STORAGE;
      else process.env.TEST_STORAGE = before;
    }
  });
});
