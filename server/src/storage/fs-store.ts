import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertRangeShape, assertValidKey, assertValidPrefix, contentTypeFor, InvalidObjectKeyError,
  type DeferredObject, type ObjectBody, type ObjectRange, type ObjectStore, type PutFileOptions, resolveRange,
} from './object-store.js';

export interface FsStoreOptions {
  /** The folder holding the objects (`<DATA_DIR>/objects` by default). */
  root: string;
  /**
   * fsync each object before it becomes visible, so an object a job reported written survives a
   * power cut (default true). Costs about 50 ms per 150 MB here.
   */
  fsync?: boolean;
}

const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);
const isMissing = (err: unknown) => MISSING.has((err as NodeJS.ErrnoException).code ?? '');

/**
 * Objects as files under a root folder, one file per key (`a/b.ts` → `<root>/a/b.ts`). Every
 * write goes to a hidden temporary file in the object's folder and is renamed over the key, so a
 * reader sees the old object or the new one, never a part. Content types follow the extension.
 */
export function createFsStore(opts: FsStoreOptions): ObjectStore {
  const { root } = opts;
  const fsync = opts.fsync ?? true;

  const pathOf = (key: string) => {
    assertValidKey(key);
    return join(root, ...key.split('/'));
  };

  /** Writes through `write(tempPath)`, then makes the result visible under `key` in one rename. */
  async function writeAtomically(key: string, write: (tmp: string) => Promise<void>, sync = fsync): Promise<void> {
    const target = pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = join(dirname(target), `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      await write(tmp);
      if (sync) await syncFile(tmp);
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async function moveIntoPlace(key: string, localPath: string, onReadable?: () => Promise<void>, deferSync = false): Promise<void> {
    const target = pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    // Without a reader waiting, the bytes reach the disk before the name appears.
    if (fsync && !onReadable && !deferSync) await syncFile(localPath);
    try {
      await rename(localPath, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      // Another filesystem: a copy (fsynced before it appears), then the original goes.
      await writeAtomically(key, (tmp) => copyFile(localPath, tmp), fsync && !deferSync);
      await unlink(localPath);
      await onReadable?.();
      return;
    }
    // With one, the reader starts on the page cache while the same bytes are written out.
    if (onReadable) await Promise.all([onReadable(), fsync && !deferSync ? syncFile(target) : undefined]);
  }

  async function syncDeferred(objects: readonly DeferredObject[]): Promise<string[]> {
    const lost: string[] = [];
    const folders = new Set<string>();
    for (const { key, size } of objects) {
      const path = pathOf(key);
      const found = await stat(path).then((s) => s.size, (err: unknown) => {
        if (isMissing(err)) return -1;
        throw err;
      });
      if (found !== size) {
        lost.push(key);
        continue;
      }
      if (fsync) await syncFile(path);
      folders.add(dirname(path));
    }
    // The renames that made the objects visible are durable only once their folders are.
    if (fsync) for (const folder of folders) await syncFile(folder);
    return lost;
  }

  /** Keys under `dirKey` (a folder, '' for the root) that start with `prefix`, in byte order. */
  async function* walk(dirKey: string, prefix: string): AsyncGenerator<string> {
    let entries;
    try {
      entries = await readdir(dirKey ? join(root, ...dirKey.split('/')) : root, { withFileTypes: true });
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    // A folder's keys all start with `name/`, so sorting folders as `name/` keeps the walk in the
    // byte order S3 lists in.
    const named = entries
      .filter((e) => !e.name.startsWith('.') && (e.isFile() || e.isDirectory()))
      .map((e) => ({ key: dirKey ? `${dirKey}/${e.name}` : e.name, dir: e.isDirectory() }))
      .map((e) => ({ ...e, sortKey: e.dir ? `${e.key}/` : e.key }))
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    for (const e of named) {
      if (e.dir) {
        if (e.sortKey.startsWith(prefix) || prefix.startsWith(e.sortKey)) yield* walk(e.key, prefix);
      } else if (e.key.startsWith(prefix)) {
        yield e.key;
      }
    }
  }

  function list(prefix: string): AsyncIterable<string> {
    assertValidPrefix(prefix);
    const slash = prefix.lastIndexOf('/');
    return walk(slash < 0 ? '' : prefix.slice(0, slash), prefix);
  }

  async function deleteOne(key: string): Promise<void> {
    try {
      await unlink(pathOf(key));
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
  }

  return {
    kind: 'fs',
    list,
    delete: deleteOne,

    async putFile(key, localPath, _contentType?: string, putOpts?: PutFileOptions) {
      if (putOpts?.move) return moveIntoPlace(key, localPath, putOpts.onReadable, putOpts.deferSync);
      await writeAtomically(key, (tmp) => copyFile(localPath, tmp), fsync && !putOpts?.deferSync);
      await putOpts?.onReadable?.();
    },

    async putStream(key, body: Readable) {
      await writeAtomically(key, (tmp) => pipeline(body, createWriteStream(tmp)));
    },

    async get(key, range?: ObjectRange): Promise<ObjectBody | null> {
      if (range) assertRangeShape(range);
      const path = pathOf(key);
      let fh;
      try {
        fh = await open(path, 'r');
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      // Reading through the opened handle keeps size and bytes from one version of the object,
      // even if a writer renames a new one over it meanwhile.
      try {
        const info = await fh.stat();
        if (!info.isFile()) {
          await fh.close();
          return null;
        }
        const span = range ? resolveRange(key, range, info.size) : null;
        // Segments are read start to end; 512 KiB reads mean an eighth of the default's chunks.
        const chunk = { highWaterMark: 512 * 1024 };
        const body = fh.createReadStream(span ? { ...chunk, start: span.start, end: span.end } : chunk);
        return { body, size: info.size, contentType: contentTypeFor(key), range: span };
      } catch (err) {
        await fh.close();
        throw err;
      }
    },

    async head(key) {
      try {
        const info = await stat(pathOf(key));
        return info.isFile() ? { size: info.size } : null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },

    async deletePrefix(prefix) {
      assertValidPrefix(prefix);
      if (!prefix) throw new InvalidObjectKeyError('refusing to delete every object (empty prefix)');
      let count = 0;
      for await (const key of list(prefix)) {
        await deleteOne(key);
        count++;
      }
      // A folder prefix goes as a whole, with its empty folders and any temporary file left by a
      // write that was cut off.
      if (prefix.endsWith('/')) await rm(join(root, ...prefix.slice(0, -1).split('/')), { recursive: true, force: true });
      return count;
    },

    localPath(key) {
      return pathOf(key);
    },
    syncDeferred,
  };
}

async function syncFile(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
