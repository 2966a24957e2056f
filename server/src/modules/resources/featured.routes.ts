import type { AppInstance } from '../../http/app-types.js';
import { resourceReachOf } from '../../access/actor.js';
import type { Db } from '../../db/database.js';
import { featuredCollection } from './featured.queries.js';
import { FeaturedQuery, FeaturedSchema } from './review.schema.js';

/** 优课 / 精品课: the featured collection the actor reaches, by subject and grade. */
export function registerFeaturedRoutes(app: AppInstance, deps: { db: Db }) {
  app.get('/api/resources/featured', {
    config: { access: 'resource:read' },
    schema: { tags: ['resources'], summary: '优课精品课 / The featured collection in reach, by subject and grade', querystring: FeaturedQuery, response: { 200: FeaturedSchema } },
  }, async (req) => featuredCollection(deps.db.db, resourceReachOf(req.actor!), req.query));
}
