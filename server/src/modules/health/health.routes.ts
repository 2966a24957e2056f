import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import type { AppInstance } from '../../http/app-types.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { RedisConnection } from '../../redis/redis.js';
import { checkReadiness, readinessChecks } from './readiness.js';

const Check = Type.Union([Type.Literal('ok'), Type.Literal('failed')]);
// redis: only on a node with REDIS_URL set.
const Readiness = Type.Object({ db: Check, storage: Type.Optional(Check), redis: Type.Optional(Check) });

/** Liveness for operators and load balancers: answers only when the database answers. */
export function registerHealthRoutes(app: AppInstance, deps: { db: Db; storage?: ObjectStore; redis?: RedisConnection | null }) {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: '健康检查 / Health',
      security: [],
      response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]), version: Type.String(), uptimeSeconds: Type.Number() }) },
    },
  }, async () => {
    await sql`select 1`.execute(deps.db.db);
    return { status: 'ok' as const, database: deps.db.dialect, version: '0.1.0', uptimeSeconds: Math.round(process.uptime()) };
  });

  // Readiness, apart from liveness: a balancer sends this node traffic only while everything it
  // needs answers. 503 names what failed (the reasons go to the log, not to the caller).
  const checks = readinessChecks(deps);
  app.get('/api/health/ready', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: '就绪检查 / Readiness: database, object storage and (REDIS_URL set) Redis answer',
      security: [],
      response: { 200: Readiness, 503: Readiness },
    },
  }, async (req, reply) => {
    const { ready, answer, errors } = await checkReadiness(checks);
    if (!ready) req.log.warn({ readiness: answer, errors }, 'not ready');
    return reply.status(ready ? 200 : 503).send(answer as { db: 'ok' | 'failed' });
  });
}
