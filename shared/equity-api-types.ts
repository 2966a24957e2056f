/**
 * The API shapes of the equity picture (均衡分析), derived from the server's TypeBox schemas like
 * api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type { EquitySchema, RecommendationsSchema, SchoolsPageSchema } from '../server/src/modules/equity/equity.schema.js';

export type EquityOverview = Static<typeof EquitySchema>;
export type EquityRegion = EquityOverview['regions'][number];
export type EquityFigures = EquityOverview['total'];
export type EquityFlow = EquityOverview['flows'][number];
export type EquityTrendMonth = EquityOverview['trend'][number];
export type EquitySchoolsPage = Static<typeof SchoolsPageSchema>;
export type EquitySchool = EquitySchoolsPage['items'][number];
export type EquityRecommendations = Static<typeof RecommendationsSchema>;

/** Which list a figure opens (GET /api/equity/schools?filter=…). */
export type EquitySchoolFilter = 'all' | 'producers' | 'users' | 'idle' | 'village-reached' | 'village-not-reached';
export type EquityLocalityGroup = 'poor_village' | 'rural' | 'urban';
export interface EquitySchoolsQuery {
  month?: string;
  countyId?: number;
  filter?: EquitySchoolFilter;
  kind?: string;
  locality?: EquityLocalityGroup;
}
