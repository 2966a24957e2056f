import type { AppInstance } from '../../http/app-types.js';
import { SearchAnswer, SearchQuery } from './search.schema.js';
import type { SearchService } from './search.service.js';

/** 资源搜索: inside the caller's reach, and the public twin over what is published to the public. */
export function registerSearchRoutes(app: AppInstance, deps: { search: SearchService }) {
  const tags = ['resources'];
  app.get('/api/resources/search', {
    config: { access: 'resource:read' },
    schema: { tags, summary: '资源搜索 / Search the resources you reach (Chinese words, taxonomy filters), with highlighted snippets', querystring: SearchQuery, response: { 200: SearchAnswer } },
  }, async (req) => deps.search.search(req.actor!, req.query));

  app.get('/api/public/resources/search', {
    config: { access: 'public' },
    schema: { tags, summary: '公开资源搜索 / Search the resources published to the public (no login)', querystring: SearchQuery, response: { 200: SearchAnswer }, security: [] },
  }, async (req) => deps.search.searchPublic(req.query));
}
