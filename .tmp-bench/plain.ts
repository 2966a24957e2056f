import http from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';
import * as tus from 'tus-js-client';
const file = process.argv[2]!;
const srv = new Server({ path: '/files', datastore: new FileStore({ directory: '/tmp/plain-tus' }), relativeLocation: true });
const h = http.createServer((req, res) => srv.handle(req, res)).listen(0);
await new Promise((r) => h.once('listening', r));
const port = (h.address() as any).port;
const t0 = Date.now();
await new Promise<void>((resolve, reject) => {
  new tus.Upload(createReadStream(file), { endpoint: `http://127.0.0.1:${port}/files`, chunkSize: 64 << 20, retryDelays: null, onSuccess: () => resolve(), onError: reject }).start();
});
console.log('plain tus ms', Date.now() - t0, 'size', statSync(file).size);
h.close();
