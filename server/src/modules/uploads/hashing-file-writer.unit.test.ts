import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { HashingFileWriter } from './hashing-file-writer.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A real staged file whose fdatasync calls are counted (and, when asked, fail as a dying disk's would). */
async function stagedFile(failDatasync = false) {
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-writer-'));
  dirs.push(dir);
  const path = join(dir, 'staged');
  const file = await open(path, 'w+');
  const syncs = { started: 0, settled: 0 };
  const datasync = file.datasync.bind(file);
  file.datasync = async () => {
    syncs.started++;
    try {
      // No disk here can be made to fail on demand: the error is what Linux reports for lost write-back.
      if (failDatasync) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
      return await datasync();
    } finally {
      syncs.settled++;
    }
  };
  return { path, file: file as FileHandle, syncs };
}

/** Five MiB in 256 KiB chunks, as an upload's request body arrives. */
function body(bytes: Buffer) {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 256 * 1024) chunks.push(bytes.subarray(i, i + 256 * 1024));
  return Readable.from(chunks);
}

describe('HashingFileWriter write-back', () => {
  it('fdatasyncs the staged bytes while they arrive, and ends with none in flight, the file and its hash whole', async () => {
    const bytes = randomBytes(5 * 1024 * 1024);
    const { path, file, syncs } = await stagedFile();
    const hash = createHash('sha256');
    const writer = new HashingFileWriter(file, 0, hash, bytes.length, 1024 * 1024);
    await pipeline(body(bytes), writer);
    // One at a time, never more than one per MiB written.
    expect(syncs.started).toBeGreaterThanOrEqual(2);
    expect(syncs.started).toBeLessThanOrEqual(5);
    // The caller closes the file right after: no fdatasync may still be running on it.
    expect(syncs.settled).toBe(syncs.started);
    await file.close();
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('leaves write-back to the kernel when no interval is given', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const { file, syncs } = await stagedFile();
    await pipeline(body(bytes), new HashingFileWriter(file, 0, createHash('sha256'), bytes.length));
    await file.close();
    expect(syncs.started).toBe(0);
  });

  it('fails the write when a background fdatasync reports lost bytes, and marks the hash untrustworthy', async () => {
    const bytes = randomBytes(4 * 1024 * 1024);
    const { file, syncs } = await stagedFile(true);
    const writer = new HashingFileWriter(file, 0, createHash('sha256'), bytes.length, 1024 * 1024);
    await expect(pipeline(body(bytes), writer)).rejects.toThrow(/EIO/);
    expect(syncs.settled).toBe(syncs.started);
    expect(writer.diskFailed).toBe(true);
    await file.close();
  });
});
