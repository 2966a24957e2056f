/**
 * The API shapes of 平安校园 (safety checks, hazards, drills, figures), derived from the server's
 * TypeBox schemas like api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  DrillPage, DrillSchema, HazardDetailSchema, HazardPage, HazardSchema, NewDrillBody, NewHazardBody, NewSafetyCheckBody, SafetyCheckPage,
  SafetyCheckSchema, SafetyStatsSchema, SchoolAreasSchema,
} from '../server/src/modules/safety/safety.schema.js';

export type SchoolAreas = Static<typeof SchoolAreasSchema>;
export type NewSafetyCheck = Static<typeof NewSafetyCheckBody>;
export type SafetyCheck = Static<typeof SafetyCheckSchema>;
export type SafetyCheckList = Static<typeof SafetyCheckPage>;
export type NewHazard = Static<typeof NewHazardBody>;
export type Hazard = Static<typeof HazardSchema>;
export type HazardDetail = Static<typeof HazardDetailSchema>;
export type HazardList = Static<typeof HazardPage>;
export type NewDrill = Static<typeof NewDrillBody>;
export type Drill = Static<typeof DrillSchema>;
export type DrillList = Static<typeof DrillPage>;
export type SafetyStats = Static<typeof SafetyStatsSchema>;
