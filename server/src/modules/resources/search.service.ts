import type { Expression, Kysely, SqlBool } from 'kysely';
import { type Actor, resourceReachOf } from '../../access/actor.js';
import { publicResource, resourceInScope } from '../../access/scope-sql.js';
import type { Database } from '../../db/schema.js';
import { badRequest, forbidden } from '../../http/errors.js';
import { fallbackPlan, planQuery, type QueryPlan } from './search-tokens.js';
import { excerpt, highlight } from './search.snippets.js';
import * as q from './search.queries.js';

/** Longest query answered, in characters: a phrase or a lesson title, not a pasted page. */
export const MAX_QUERY_CHARS = 50;

export interface SearchParams extends q.SearchFilters {
  q: string;
  page?: number;
  pageSize?: number;
}

function tagsOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Chinese search over resources (titles, descriptions, tags, taxonomy, courseware text): the
 * query is cut by the same jieba segmenter as the index; a short query jieba does not keep as one
 * word (or one whose words find nothing) is answered by the title holding it literally, through
 * the single characters the index keeps. Scope is part of the statement: a signed-in person finds
 * what resourceInScope lets them reach; the public search, what is published to the public.
 */
export function createSearchService(deps: { db: Kysely<Database> }) {
  const { db } = deps;

  function plan(text: string): QueryPlan {
    const trimmed = text.trim();
    if (!trimmed) throw badRequest('SEARCH_QUERY_EMPTY', '请输入要搜索的词语，例如“分数”或课题名称');
    if ([...trimmed].length > MAX_QUERY_CHARS) {
      throw badRequest('SEARCH_QUERY_TOO_LONG', `搜索词最多 ${MAX_QUERY_CHARS} 个字，请只输入课题或关键词`);
    }
    const p = planQuery(trimmed);
    if (!p.words.length) throw badRequest('SEARCH_QUERY_NO_WORDS', '搜索词里没有文字或数字，请输入课题或关键词');
    return p;
  }

  async function run(params: SearchParams, scope: Expression<SqlBool>) {
    const page = params.page ?? 1;
    const pageSize = params.pageSize ?? 20;
    const filters: q.SearchFilters = { stage: params.stage, subject: params.subject, grade: params.grade, kind: params.kind, feature: params.feature, scope: params.scope };
    const at = { limit: pageSize, offset: (page - 1) * pageSize };
    const pageOf = (p: QueryPlan) => q.withSearchStatements(db, async (tx) => {
      const counted = await q.searchCount(tx, p, scope, filters);
      const rows = counted.total ? await q.searchPage(tx, p, scope, filters, at) : [];
      return { rows, ...counted };
    });
    let p = plan(params.q);
    let { rows, total, capped } = await pageOf(p);
    const fallback = total === 0 ? fallbackPlan(p) : null;
    if (fallback) {
      p = fallback;
      ({ rows, total, capped } = await pageOf(p));
    }
    const bodies = await q.bodiesOf(db, rows.map((r) => r.id));
    // A short query's hits hold it in the title: mark it whole there.
    const marked = p.titleSubstring ? [p.titleSubstring, ...p.words] : p.words;
    const hits = rows.map((r) => {
      const fromBody = bodies.has(r.id) ? excerpt(bodies.get(r.id)!, p.words) : null;
      const fromDescription = fromBody ? null : excerpt(r.description, p.words);
      return {
        id: r.id, kind: r.kind, title: highlight(r.title, marked),
        snippet: fromBody ?? fromDescription, snippetFrom: fromBody ? 'body' as const : fromDescription ? 'description' as const : null,
        stage: r.stage, subject: r.subject, grade: r.grade, edition: r.edition, volume: r.volume, unit: r.unit, lesson: r.lesson,
        tags: tagsOf(r.tags), feature: r.feature, visibleScope: r.visible_scope, reviewStage: r.review_stage,
      };
    });
    return { query: p.text, words: p.words, total, totalCapped: capped, page, pageSize, hits };
  }

  return {
    /** Search inside what the actor reaches (resource:read). */
    async search(actor: Actor, params: SearchParams) {
      if (!actor.permissions.has('resource:read')) throw forbidden();
      return run(params, resourceInScope(resourceReachOf(actor)));
    },
    /** Search the resources published to the public (no login). */
    async searchPublic(params: SearchParams) {
      return run(params, publicResource());
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;

