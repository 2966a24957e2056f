/**
 * The API shapes of using a resource (views, preparations, favourites, ratings, comments),
 * derived from the server's TypeBox schemas like api-types.ts. Type-only imports: nothing of the
 * server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  CommentListSchema, CommentSchema, EngagementSchema, FavouriteListSchema, PreparationListSchema, UseBody, UseResult,
} from '../server/src/modules/resources/engagement.schema.js';

export type ResourceEngagement = Static<typeof EngagementSchema>;
export type ResourceComment = Static<typeof CommentSchema>;
export type ResourceComments = Static<typeof CommentListSchema>;
export type ResourceFavourites = Static<typeof FavouriteListSchema>;
export type ResourcePreparations = Static<typeof PreparationListSchema>;
export type NewResourceUse = Static<typeof UseBody>;
export type ResourceUseResult = Static<typeof UseResult>;
