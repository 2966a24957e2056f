import { sql, type SqlBool } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import type { AppInstance } from '../../http/app-types.js';
import * as q from './org.queries.js';
import { toSchoolView } from './org.service.js';

/**
 * A route for `npm run bench` only (registered when BENCH_ROUTES=1, never in production or tests):
 * the same page of schools as GET /api/schools, with no session, no access gate and no scope —
 * the baseline against which the gate's price is measured.
 */
export function registerOrgBenchRoutes(app: AppInstance, deps: { db: Db }) {
  app.get('/api/bench/schools', {
    config: { access: 'public' },
    schema: {
      hide: true,
      querystring: Type.Object({
        cityId: Type.Integer(), page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
      }),
    },
  }, async (req) => {
    const { cityId, page, pageSize } = req.query;
    const where = sql<SqlBool>`schools.city_id = ${cityId}`;
    const [rows, total] = await Promise.all([
      q.listSchools(deps.db.db, where, {}, pageSize, (page - 1) * pageSize),
      q.countSchools(deps.db.db, where, {}),
    ]);
    return { items: rows.map(toSchoolView), total, page, pageSize };
  });
}
