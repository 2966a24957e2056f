import { request } from 'node:http';

/**
 * A recorder's tus requests over real sockets, as the cluster tests need them: a PATCH that can be
 * cut after some bytes (the connection dies mid-body, as on a classroom's flaky uplink), and
 * answers read without throwing on 4xx/5xx. Requests go to whatever base URL is given (the
 * cluster's round-robin proxy).
 */
export interface TusAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const TUS = { 'tus-resumable': '1.0.0' };

export function tusRequest(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<TusAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...TUS, ...headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A PATCH announcing all of `rest` but sending only `send` bytes of it, then cutting the
 * connection once `cutAfterMs` passed (the bytes had time to land). Resolves when the socket is gone.
 */
export function cutPatch(url: string, headers: Record<string, string>, offset: number, rest: Buffer, send: number, cutAfterMs = 400): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'PATCH',
      headers: { ...TUS, ...headers, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), 'content-length': String(rest.length) },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.on('response', (res) => res.resume());
    req.write(rest.subarray(0, send));
    setTimeout(() => req.destroy(), cutAfterMs);
  });
}

/** Retries a request while the balancer has no answer for it (502/503: a node just died) or the socket fails. */
export async function untilAnswered(send: () => Promise<TusAnswer>, timeoutMs = 30_000): Promise<TusAnswer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await send().catch((err: Error) => ({ status: 0, headers: {}, body: err.message }));
    if (res.status !== 0 && res.status !== 502 && res.status !== 503) return res;
    if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms: ${res.status} ${res.body}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
