import type { ReactNode } from 'react';
import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueryValue } from '../../api/client';
import { useRegions } from '../../features/org/api/use-regions';
import { SchoolSelect } from '../../features/schools/components/SchoolSelect';

type OnChange = (patch: Record<string, QueryValue>) => void;

/**
 * The row of filters above a list, ending in a reset link while any filter is set. Each filter
 * writes to the URL at once; `filters` holds exactly the list's filter keys, so reset clears them.
 */
export function FilterBar({ filters, onChange, children }: { filters: object; onChange: OnChange; children: ReactNode }) {
  const { t } = useTranslation();
  const hasFilters = Object.values(filters).some((value) => value !== undefined);
  return (
    <Flex wrap gap={12} className="filter-bar" style={{ marginBottom: 16 }}>
      {children}
      {hasFilters ? (
        <Button type="link" className="filter-action" onClick={() => onChange(Object.fromEntries(Object.keys(filters).map((key) => [key, undefined])))}>
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}

/** The county filter (`data-testid=filter-county`); optionally hidden when the caller sees one county only. */
export function CountySelect({
  value,
  onChange,
  label,
  hideSingle = false,
}: {
  value?: number;
  onChange: (countyId?: number) => void;
  label: string;
  /** Render nothing unless there is more than one county to choose from. */
  hideSingle?: boolean;
}) {
  const { counties, loading } = useRegions();
  if (hideSingle && counties.length <= 1) return null;
  return (
    <Select
      allowClear
      placeholder={label}
      aria-label={label}
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      options={counties.map((county) => ({ value: county.id, label: county.name }))}
      data-testid="filter-county"
    />
  );
}

/**
 * County then school (`filter-county`, `filter-school`), writing `countyId` and `schoolId`;
 * picking another county clears the school, and the school picker searches within the county.
 */
export function CountySchoolFilters({
  filters,
  onChange,
  countyLabel,
  schoolLabel,
  hideSingleCounty = false,
}: {
  filters: { countyId?: number; schoolId?: number };
  onChange: OnChange;
  countyLabel: string;
  schoolLabel: string;
  hideSingleCounty?: boolean;
}) {
  return (
    <>
      <CountySelect
        value={filters.countyId}
        onChange={(countyId) => onChange({ countyId, schoolId: undefined })}
        label={countyLabel}
        hideSingle={hideSingleCounty}
      />
      <SchoolSelect
        className="filter-wide"
        value={filters.schoolId}
        countyId={filters.countyId}
        onChange={(schoolId) => onChange({ schoolId })}
        aria-label={schoolLabel}
        data-testid="filter-school"
      />
    </>
  );
}
