/**
 * The API shapes of resource search (资源搜索), derived from the server's TypeBox schemas like
 * api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type { SearchAnswer, SearchQuery } from '../server/src/modules/resources/search.schema.js';

export type ResourceSearchAnswer = Static<typeof SearchAnswer>;
export type ResourceSearchHit = ResourceSearchAnswer['hits'][number];
export type ResourceSearchQuery = Static<typeof SearchQuery>;
/** A piece of a highlighted text: render `text` as text, marked when `hit`. */
export type HighlightSegment = ResourceSearchHit['title'][number];
