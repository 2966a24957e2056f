import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden } from './errors.js';
import type { Metrics } from './metrics.js';

/** Counts and times every answered request by its route pattern (never the URL, whose ids would make a series each). */
export function installRequestMetrics(app: FastifyInstance, metrics: Metrics) {
  // On the raw response's finish rather than Fastify's onResponse, which hijacked replies (tus) skip.
  app.addHook('onRequest', async (req, reply) => {
    const started = performance.now();
    reply.raw.once('finish', () => {
      metrics.observeRequest(req.method, req.routeOptions.url ?? 'unmatched', reply.raw.statusCode, (performance.now() - started) / 1000);
    });
  });
}

/**
 * GET /metrics, Prometheus text. An operator's route, outside /api and the access matrix: it
 * answers a scraper on this machine (loopback, not forwarded by a proxy) or one that sends
 * `Authorization: Bearer <METRICS_TOKEN>`; anyone else gets 403.
 */
export function registerMetricsRoute(app: FastifyInstance, deps: { metrics: Metrics; token: string | null }) {
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!mayScrape(req, deps.token)) throw forbidden();
    const page = await deps.metrics.render();
    return reply.header('content-type', page.contentType).header('cache-control', 'no-store').send(page.body);
  });
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Loopback or the bearer token. */
export function mayScrape(req: FastifyRequest, token: string | null): boolean {
  const auth = req.headers.authorization;
  if (token && typeof auth === 'string' && auth.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice('Bearer '.length).trim());
    const expected = Buffer.from(token);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  }
  // The socket's own peer, not req.ip: with TRUST_PROXY, req.ip comes from a header the client
  // writes. A request a local proxy forwarded arrives from loopback too, so forwarded ones need the token.
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.test(req.raw.socket.remoteAddress ?? '');
}
