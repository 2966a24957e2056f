/**
 * The API shapes of the resource library's core (publishing, browsing, the public pages),
 * derived from the server's TypeBox schemas like api-types.ts. Type-only imports.
 */
import type { Static } from 'typebox';
import type {
  CreateResourceBody, ListQuery, PublicResourceSchema, ResourceDetailSchema, ResourceSummarySchema, TaxonomySchema, UpdateResourceBody,
} from '../server/src/modules/resources/resources.schema.js';

export type ResourceSummary = Static<typeof ResourceSummarySchema>;
export type ResourceDetail = Static<typeof ResourceDetailSchema>;
export type ResourceTaxonomyValues = Static<typeof TaxonomySchema>;
export type ResourceFilters = Omit<Static<typeof ListQuery>, 'page' | 'pageSize'>;
export type NewResource = Static<typeof CreateResourceBody>;
export type ResourcePatch = Static<typeof UpdateResourceBody>;
export type PublicResource = Static<typeof PublicResourceSchema>;
