import { Readable } from 'node:stream';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { it } from 'vitest';
import { startS3rver } from '../test-support/s3rver.js';
import { openObjectStore } from '../storage/storage-url.js';
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const used = () => { gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
it('mem', async () => {
  const s3 = await startS3rver();
  const store = openObjectStore({ storageUrl: s3.url, dataDir: '/tmp/proto' });
  const mk = () => Readable.from((function* () { for (let i = 0; i < 48; i++) yield Buffer.alloc(1 << 20, i); })(), { objectMode: false, highWaterMark: 1 << 20 });
  const base = used(); let peak = base;
  const t = setInterval(() => { peak = Math.max(peak, used()); }, 20);
  let t0 = Date.now();
  await store.putStream('a/b.mp4', mk());
  clearInterval(t);
  console.log('put', (peak - base) / 2 ** 20, Date.now() - t0);
  t0 = Date.now();
  const got = await store.get('a/b.mp4');
  let n = 0; let last = Date.now();
  const t2 = setInterval(() => { used(); }, 20);
  for await (const c of got!.body) { n += (c as Buffer).length; }
  clearInterval(t2);
  console.log('read', n, Date.now() - t0);
  await s3.stop();
}, 120000);
