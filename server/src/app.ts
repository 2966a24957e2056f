import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import { installAccessHooks } from './http/access-hooks.js';
import type { AppInstance } from './http/app-types.js';
import { installErrorHandler } from './http/error-handler.js';
import { registerWebApp } from './http/web-app.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { registerOrgRoutes } from './modules/org/org.routes.js';
import { createOrgService } from './modules/org/org.service.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';

export interface AppDeps {
  db: Db;
  clock: Clock;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Folder of the built web app; null serves the API alone (tests). */
  webDir: string | null;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
}

/** Builds the services from their dependencies and wires every module's routes onto one Fastify app. */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as AppInstance;

  const audit = createAuditService({ db: deps.db, clock: deps.clock });
  const auth = createAuthService({
    db: deps.db, clock: deps.clock, audit, sessions: { idleMinutes: deps.sessionIdleMinutes, maxHours: deps.sessionMaxHours },
  });
  const org = createOrgService({ db: deps.db, clock: deps.clock, audit });
  const services = { audit, auth, org };

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '阳光校园 Sunshine Campus API', version: '0.1.0', description: 'Every route, its schema and the permission it needs.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sc_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its CSS-in-JS into <style> tags at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });

  installErrorHandler(app as never, { audit });
  const routes = installAccessHooks(app as never, { auth, audit });

  registerHealthRoutes(app, { db: deps.db });
  registerAuthRoutes(app, { auth, sessionMaxHours: deps.sessionMaxHours });
  registerOrgRoutes(app, { org, audit });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await registerWebApp(app, deps.webDir);
  return { app, services, routes };
}

export type BuiltApp = Awaited<ReturnType<typeof buildApp>>;
