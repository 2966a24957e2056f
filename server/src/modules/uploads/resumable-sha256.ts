import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SHA-256 whose state can be saved and loaded (hash-wasm), computed on a worker thread so that
 * hashing (~260 MB/s in WASM) runs beside the upload's network and disk work instead of after it.
 * Chunks are copied to the worker; at most MAX_IN_FLIGHT bytes wait there, so memory stays flat
 * whatever the file size and a slow hash slows the upload rather than filling memory.
 */
export interface ResumableHasher {
  /** Resolves once the chunk is queued (waits while too many bytes are waiting to be hashed). */
  update(chunk: Uint8Array): Promise<void>;
  /** The state after every byte given so far (base64), for `load` in any later process. */
  save(): Promise<string>;
  /** The hex digest of every byte given so far; the hasher is done after this. */
  digest(): Promise<string>;
  /** Gives the worker back to the pool (after save or digest, or to abandon the hash). */
  release(): void;
}

const MAX_IN_FLIGHT = 16 * 1024 * 1024;
const POOL_MAX = 4;
const IDLE_MS = 30_000;

const hashWasm = createRequire(import.meta.url).resolve('hash-wasm');
// A CommonJS worker from source, so it runs the same from tsx, vitest and compiled output.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createSHA256 } = require(${JSON.stringify(hashWasm)});
let hasher = null;
parentPort.on('message', async (m) => {
  try {
    if (m.t === 'open') {
      hasher = await createSHA256();
      hasher.init();
      if (m.state) hasher.load(Buffer.from(m.state, 'base64'));
      parentPort.postMessage({ t: 'opened' });
    } else if (m.t === 'update') {
      hasher.update(m.chunk);
      parentPort.postMessage({ t: 'ack', n: m.chunk.byteLength });
    } else if (m.t === 'save') {
      parentPort.postMessage({ t: 'saved', state: Buffer.from(hasher.save()).toString('base64') });
    } else if (m.t === 'digest') {
      parentPort.postMessage({ t: 'digest', hex: hasher.digest('hex') });
      hasher = null;
    }
  } catch (err) {
    parentPort.postMessage({ t: 'error', message: String(err && err.message || err) });
  }
});`;

interface PooledWorker {
  worker: Worker;
  idleTimer: NodeJS.Timeout | null;
}

const idle: PooledWorker[] = [];
let alive = 0;
const waitingForWorker: ((w: PooledWorker) => void)[] = [];

function acquire(): Promise<PooledWorker> {
  const ready = idle.pop();
  if (ready) {
    if (ready.idleTimer) clearTimeout(ready.idleTimer);
    ready.idleTimer = null;
    return Promise.resolve(ready);
  }
  if (alive < POOL_MAX) {
    alive++;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.once('exit', () => { alive--; });
    return Promise.resolve({ worker, idleTimer: null });
  }
  return new Promise((resolve) => waitingForWorker.push(resolve));
}

function giveBack(p: PooledWorker): void {
  p.worker.removeAllListeners('message');
  p.worker.removeAllListeners('error');
  const next = waitingForWorker.shift();
  if (next) return next(p);
  p.idleTimer = setTimeout(() => {
    const i = idle.indexOf(p);
    if (i >= 0) idle.splice(i, 1);
    void p.worker.terminate();
  }, IDLE_MS);
  p.idleTimer.unref();
  idle.push(p);
}

/** A hasher starting from a saved state (or from nothing). */
export async function openHasher(state: string | null): Promise<ResumableHasher> {
  const pooled = await acquire();
  const { worker } = pooled;
  let inFlight = 0;
  let failure: Error | null = null;
  let released = false;
  const drained: (() => void)[] = [];
  const replies: ((m: { t: string; state?: string; hex?: string }) => void)[] = [];

  worker.on('message', (m: { t: string; n?: number; message?: string }) => {
    if (m.t === 'ack') {
      inFlight -= m.n!;
      if (inFlight <= MAX_IN_FLIGHT) drained.splice(0).forEach((f) => f());
    } else if (m.t === 'error') {
      failure = new Error(`sha256 worker: ${m.message}`);
      drained.splice(0).forEach((f) => f());
    } else {
      replies.shift()?.(m);
    }
  });
  worker.on('error', (err) => { failure = err; drained.splice(0).forEach((f) => f()); });
  const ask = (msg: object) => new Promise<{ t: string; state?: string; hex?: string }>((resolve, reject) => {
    if (failure) return reject(failure);
    replies.push(resolve);
    worker.postMessage(msg);
  });
  await ask({ t: 'open', state });

  return {
    async update(chunk) {
      if (failure) throw failure;
      inFlight += chunk.byteLength;
      worker.postMessage({ t: 'update', chunk });
      while (inFlight > MAX_IN_FLIGHT && !failure) await new Promise<void>((r) => drained.push(r));
      if (failure) throw failure;
    },
    async save() {
      return (await ask({ t: 'save' })).state!;
    },
    async digest() {
      return (await ask({ t: 'digest' })).hex!;
    },
    release() {
      if (released) return;
      released = true;
      // Abandoned mid-stream (a failed PATCH): late acks must not reach the next user of the worker.
      if (failure || inFlight > 0) {
        void worker.terminate();
        return;
      }
      giveBack(pooled);
    },
  };
}
