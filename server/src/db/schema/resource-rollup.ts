/** The equity picture's rollup of resource uses (migration 0037; kept by resources/equity-rollup.ts). */
/** Where the equity rollup stands: every use up to last_use_id is counted (one row, id 1). */
export interface ResourceUseRollupStateTable {
  id: number;
  last_use_id: number;
  updated_at: string;
}

/** Uses per using school and Asia/Shanghai month (YYYY-MM); featured_uses: of resources featured now. */
export interface ResourceUseSchoolMonthTable {
  school_id: number;
  month: string;
  county_id: number;
  city_id: number;
  uses: number;
  featured_uses: number;
}

/** Uses per month of resources published in one county by schools of another (or the same). */
export interface ResourceUseCountyFlowTable {
  month: string;
  from_county_id: number;
  to_county_id: number;
  from_city_id: number;
  to_city_id: number;
  uses: number;
}

/** Resources whose uses resource_use_school_months counts as featured. */
export interface ResourceUseFeaturedTable {
  resource_id: number;
}
