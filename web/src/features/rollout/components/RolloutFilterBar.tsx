import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department, SchoolKind } from '@shared/domain';
import type { QueryValue } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { CountySelect, FilterBar } from '../../../app/list/filter-bar';
import { listBatches } from '../api/rollout.api';
import { AsOfPicker } from './AsOfPicker';

// Senior schools are not in the programme.
const KINDS: Record<Exclude<SchoolKind, 'senior'>, true> = { kindergarten: true, primary: true, junior: true, nine_year: true };
const DEPARTMENT_SET: Record<Department, true> = { research: true, edtech: true, preschool: true };

export interface RolloutFilters {
  countyId?: number;
  batch?: string;
  kind?: SchoolKind;
  department?: Department;
  overdue?: boolean;
}

/** County, batch, kind of school, department and overdue (each optional), then the as-of day. */
export function RolloutFilterBar({ filters, onChange, asOf, onAsOf, show }: {
  filters: RolloutFilters;
  onChange: (patch: Record<string, QueryValue>) => void;
  asOf?: string;
  onAsOf: (day?: string) => void;
  show: readonly (keyof RolloutFilters)[];
}) {
  const { t } = useTranslation();
  const batches = useApi((signal) => listBatches(signal), []);
  return (
    <FilterBar filters={Object.fromEntries(show.map((k) => [k, filters[k]]))} onChange={onChange}>
      <CountySelect value={filters.countyId} onChange={(countyId) => onChange({ countyId })} label={t('rollout.county')} hideSingle />
      <Select
        allowClear
        placeholder={t('rollout.batch')}
        value={filters.batch}
        onChange={(batch?: string) => onChange({ batch })}
        options={(batches.data?.items ?? []).map((b) => ({ value: b.code, label: b.name }))}
        style={{ minWidth: 170 }}
        data-testid="filter-batch"
      />
      {show.includes('kind') ? (
        <Select
          allowClear
          placeholder={t('rollout.kind')}
          value={filters.kind}
          onChange={(kind?: SchoolKind) => onChange({ kind })}
          options={(Object.keys(KINDS) as SchoolKind[]).map((k) => ({ value: k, label: t(`schoolKinds.${k}`) }))}
          style={{ minWidth: 120 }}
          data-testid="filter-kind"
        />
      ) : null}
      <Select
        allowClear
        placeholder={t('rollout.department')}
        value={filters.department}
        onChange={(department?: Department) => onChange({ department })}
        options={(Object.keys(DEPARTMENT_SET) as Department[]).map((d) => ({ value: d, label: t(`departments.${d}`) }))}
        style={{ minWidth: 130 }}
        data-testid="filter-department"
      />
      {show.includes('overdue') ? (
        <Select
          allowClear
          placeholder={t('rollout.overdueFilter.all')}
          value={filters.overdue === undefined ? undefined : String(filters.overdue)}
          onChange={(value?: string) => onChange({ overdue: value })}
          options={[{ value: 'true', label: t('rollout.overdueFilter.yes') }, { value: 'false', label: t('rollout.overdueFilter.no') }]}
          style={{ minWidth: 120 }}
          data-testid="filter-overdue"
        />
      ) : null}
      <AsOfPicker value={asOf} onChange={onAsOf} />
    </FilterBar>
  );
}
