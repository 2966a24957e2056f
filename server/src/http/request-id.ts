import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { withRequestId } from '../jobs/request-id.js';

// What a proxy or client may hand us as a request id: short, and safe in a header and a log line.
const ACCEPTED = /^[A-Za-z0-9._:@\-]{1,128}$/;

/**
 * Fastify's `genReqId`: the caller's X-Request-Id when it is a sensible one (a proxy in front or a
 * recorder names its request, and the name follows it into our logs), else a fresh UUID.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTED.test(given) ? given : randomUUID();
}

/**
 * Echoes the request id in X-Request-Id and makes it the id of the work the request starts: a job
 * it enqueues stores it, and the job's log lines carry it as `reqId` (jobs/request-id.ts).
 */
export function installRequestIds(app: FastifyInstance) {
  app.addHook('onRequest', (req, reply, done) => {
    // On the raw response, so hijacked replies (tus uploads) carry it too.
    reply.raw.setHeader('x-request-id', req.id);
    withRequestId(req.id, done);
  });
  // Again once the body is read: its stream's events run outside the context entered above.
  app.addHook('preValidation', (req, _reply, done) => {
    withRequestId(req.id, done);
  });
}
