import { Worker } from 'node:worker_threads';
import { createReadStream } from 'node:fs';
const code = `
const { parentPort } = require('node:worker_threads');
const { createSHA256 } = require('hash-wasm');
let h;
parentPort.on('message', async (m) => {
  if (m.t === 'init') { h = await createSHA256(); h.init(); if (m.state) h.load(m.state); parentPort.postMessage({ t: 'ok' }); }
  else if (m.t === 'u') { h.update(m.c); parentPort.postMessage({ t: 'ack', n: m.c.length }); }
  else if (m.t === 'save') parentPort.postMessage({ t: 'state', state: h.save() });
  else if (m.t === 'digest') parentPort.postMessage({ t: 'digest', hex: h.digest('hex') });
});`;
const w = new Worker(code, { eval: true });
const msg = () => new Promise<any>((r) => w.once('message', r));
let t = Date.now();
w.postMessage({ t: 'init' }); await msg();
let inflight = 0; const waiters: (() => void)[] = [];
w.on('message', (m) => { if (m.t === 'ack') { inflight -= m.n; waiters.splice(0).forEach((f) => f()); } });
for await (const c of createReadStream(process.argv[2]!, { highWaterMark: 1 << 16 })) {
  while (inflight > 32 << 20) await new Promise<void>((r) => waiters.push(r));
  inflight += (c as Buffer).length; w.postMessage({ t: 'u', c });
}
while (inflight > 0) await new Promise<void>((r) => waiters.push(r));
const d = new Promise<any>((r) => { const f = (m: any) => { if (m.t === 'digest') { w.off('message', f); r(m); } }; w.on('message', f); });
w.postMessage({ t: 'digest' });
console.log((await d).hex.slice(0, 8), Date.now() - t);
await w.terminate();
