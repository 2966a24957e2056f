import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';

/** A comment line every so often keeps proxies and load balancers from closing a quiet stream. */
export const STREAM_HEARTBEAT_MS = 25_000;
/**
 * A stream ends after this long and the browser's EventSource reconnects at once: the session was
 * checked when the stream opened, so a logout or an expired session stops the nudges within this
 * time (they carry no content anyway: the inbox is read through the scoped routes).
 */
export const STREAM_MAX_MS = 5 * 60_000;
/** What EventSource waits before reconnecting (the `retry:` field), in milliseconds. */
const RETRY_MS = 3_000;

/** Whether a request asks for an event stream (EventSource always sends this Accept). */
export function acceptsEventStream(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => part.split(';')[0]!.trim().toLowerCase() === 'text/event-stream');
}

/**
 * The open notification streams of this node (Server-Sent Events), by person. `onCreated` is the
 * `notification.created` handler: it nudges only the streams of the people named, so a stream
 * never hears of anyone else's inbox. Written on reply.raw: the protocol is a few lines of text,
 * and the Fastify SSE plugin (@fastify/sse) is still below 1.0.
 */
export function createNotificationStreams(opts: { heartbeatMs?: number; maxMs?: number } = {}) {
  const heartbeatMs = opts.heartbeatMs ?? STREAM_HEARTBEAT_MS;
  const maxMs = opts.maxMs ?? STREAM_MAX_MS;
  const byUser = new Map<number, Set<(chunk: string) => void>>();
  const ends = new Set<() => void>();

  /** Takes the request over and keeps it open as the person's stream until either side ends it. */
  function open(req: FastifyRequest, reply: FastifyReply, userId: number): void {
    if (!acceptsEventStream(req.headers.accept)) {
      throw new AppError(406, 'EVENT_STREAM_ONLY', '此地址只提供事件流（Accept: text/event-stream）');
    }
    reply.hijack();
    const raw = reply.raw;
    // Headers set by hooks so far (security headers, request id, a renewed cookie) still go out.
    raw.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx would otherwise buffer the stream and deliver nudges late.
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: ${RETRY_MS}\n: connected\n\n`);
    const send = (chunk: string) => { raw.write(chunk); };
    const mine = byUser.get(userId) ?? new Set();
    mine.add(send);
    byUser.set(userId, mine);
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), heartbeatMs);
    const lifetime = setTimeout(() => end(), maxMs);
    heartbeat.unref();
    lifetime.unref();
    let ended = false;
    function end() {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      clearTimeout(lifetime);
      mine.delete(send);
      if (!mine.size && byUser.get(userId) === mine) byUser.delete(userId);
      ends.delete(end);
      raw.end();
    }
    ends.add(end);
    raw.on('close', end);
  }

  /** `notification.created`: one `notification` event on each stream of each person named. */
  async function onCreated(payload: { userIds: readonly number[] }): Promise<void> {
    for (const userId of new Set(payload.userIds)) {
      for (const send of byUser.get(userId) ?? []) send('event: notification\ndata: {}\n\n');
    }
  }

  return {
    open,
    onCreated,
    /** Open streams on this node (for metrics and tests). */
    size: () => [...byUser.values()].reduce((n, s) => n + s.size, 0),
    /** Ends every stream: a node shutting down must not wait for them (browsers reconnect to another node). */
    closeAll: () => { for (const end of [...ends]) end(); },
  };
}

export type NotificationStreams = ReturnType<typeof createNotificationStreams>;
