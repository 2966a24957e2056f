import { fork } from 'node:child_process';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import * as tus from 'tus-js-client';
const file = process.argv[2]!;
const size = statSync(file).size;
let t0 = Date.now();
await pipeline(createReadStream(file), createWriteStream('/tmp/bench-copy.bin'));
const diskMs = Date.now() - t0;
const srv = fork(new URL('./server.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'] });
const info: any = await new Promise((r) => srv.once('message', r));
console.log('server rss at start MB', Math.round(info.rss / 1e6));
t0 = Date.now();
await new Promise<void>((resolve, reject) => {
  const up = new tus.Upload(createReadStream(file), {
    endpoint: `http://127.0.0.1:${info.port}/api/uploads`, headers: { Authorization: `Bearer ${info.token}` },
    metadata: { lessonStart: '2018-04-04T10:00:00+08:00', track: 'teacher', groupId: 'bench', filename: 'x.mp4' },
    chunkSize: 64 * 1024 * 1024, retryDelays: null, onSuccess: () => resolve(), onError: reject,
  });
  up.start();
});
const upMs = Date.now() - t0;
srv.send('peak');
const peak: any = await new Promise((r) => srv.once('message', r));
console.log({ sizeMB: Math.round(size / 1e6), diskMs, upMs, ratio: (diskMs / upMs).toFixed(2), peakRssMB: Math.round(peak.peak / 1e6) });
srv.kill();
