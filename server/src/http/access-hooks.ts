import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Action } from '../../../shared/domain.js';
import type { Actor } from '../access/actor.js';
import type { AuditPort, SessionPort } from './ports.js';
import { AppError, forbidden, unauthenticated } from './errors.js';

/**
 * What a route demands of its caller: `public` (no session), `session` (any signed-in person),
 * or one action of the policy table. Every /api route must declare it: registering one without
 * fails at start, and the access matrix test holds an expected outcome for each.
 */
export type RouteAccess = 'public' | 'session' | Action;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Set on the few routes that must accept a state change without the CSRF header (login). */
    csrfExempt?: boolean;
    /** Set on public routes that check the session cookie themselves, cached (media segments): no actor is loaded for them. */
    sessionCheckedByRoute?: boolean;
  }
}

export const SESSION_COOKIE = 'sc_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ApiRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/**
 * Loads the actor from the session cookie and enforces each route's declared access and CSRF.
 * Returns the list of API routes as they register, for the access matrix test.
 */
export function installAccessHooks(app: FastifyInstance, deps: { auth: SessionPort; audit: AuditPort }): ApiRoute[] {
  const routes: ApiRoute[] = [];
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access: add config.access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  // Before the body is read or validated: a caller without a session or the permission learns
  // nothing about what the route would have accepted (401/403 before any 400).
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config?.sessionCheckedByRoute) return;
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await deps.auth.actorFromToken(token) : null;
    const access = req.routeOptions.config?.access;
    if (isSocketUpgrade(req)) checkSocketOrigin(req);
    if (!access || access === 'public') return checkOrigin(req);
    const actor = req.actor;
    if (!actor) throw unauthenticated();
    if (UNSAFE.has(req.method) && !req.routeOptions.config?.csrfExempt) checkCsrf(req, actor);
    if (access !== 'session' && !actor.permissions.has(access)) {
      await deps.audit.record({
        actor: { userId: actor.userId, name: actor.name },
        action: 'access.denied',
        targetType: 'route',
        targetId: `${req.method} ${req.routeOptions.url}`,
        result: 'denied',
        ip: req.ip,
        detail: { needs: access },
      });
      throw forbidden();
    }
  });
  return routes;
}

function checkCsrf(req: FastifyRequest, actor: Actor) {
  const sent = req.headers['x-csrf-token'];
  const expected = Buffer.from(actor.csrfToken);
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError(403, 'CSRF_TOKEN_INVALID', '页面已过期或请求来源不可信，请刷新页面后重试');
  }
}

// Public state changes (login) carry no token yet; a browser's Origin header must then name us.
function checkOrigin(req: FastifyRequest) {
  if (!UNSAFE.has(req.method)) return;
  const origin = req.headers.origin;
  if (!origin) return;
  const host = req.headers.host;
  if (!host || new URL(origin).host !== host) {
    throw new AppError(403, 'ORIGIN_MISMATCH', '请求来源与本站不一致，已拒绝');
  }
}

function isSocketUpgrade(req: FastifyRequest) {
  return String(req.headers.upgrade ?? '').toLowerCase() === 'websocket';
}

// A WebSocket upgrade is a GET that carries the session cookie from any page that opens it:
// a browser names the opening page in Origin, and only our own pages may open our sockets.
function checkSocketOrigin(req: FastifyRequest) {
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string | null = null;
  try { host = new URL(origin).host; } catch { /* not a URL: refused below */ }
  if (!host || host !== req.headers.host) throw new AppError(403, 'ORIGIN_MISMATCH', '请求来源与本站不一致，已拒绝');
}
