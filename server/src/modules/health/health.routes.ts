import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import type { AppInstance } from '../../http/app-types.js';

/** Liveness for operators and load balancers: answers only when the database answers. */
export function registerHealthRoutes(app: AppInstance, deps: { db: Db }) {
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
}
