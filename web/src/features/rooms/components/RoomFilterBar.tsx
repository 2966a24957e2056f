import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoomFilters } from '@shared/api-types';
import type { QueryValue } from '../../../api/client';
import { CountySchoolFilters, FilterBar } from '../../../app/list/filter-bar';
import { CONNECTIVITIES, ROOM_STATUSES } from '../api/rooms.api';

/** County, school, lifecycle status and online state; each change goes to the URL at once. */
export function RoomFilterBar({ filters, onChange }: { filters: RoomFilters; onChange: (patch: Record<string, QueryValue>) => void }) {
  const { t } = useTranslation();

  return (
    <FilterBar filters={filters} onChange={onChange}>
      <CountySchoolFilters filters={filters} onChange={onChange} countyLabel={t('rooms.county')} schoolLabel={t('rooms.school')} hideSingleCounty />
      <Select
        allowClear
        placeholder={t('rooms.status')}
        aria-label={t('rooms.status')}
        value={filters.status}
        onChange={(status?: string) => onChange({ status })}
        options={ROOM_STATUSES.map((status) => ({ value: status, label: t(`roomStatuses.${status}`) }))}
        data-testid="filter-status"
      />
      <Select
        allowClear
        placeholder={t('rooms.connectivity')}
        aria-label={t('rooms.connectivity')}
        value={filters.connectivity}
        onChange={(connectivity?: string) => onChange({ connectivity })}
        options={CONNECTIVITIES.map((value) => ({ value, label: t(`connectivity.${value}`) }))}
        data-testid="filter-connectivity"
      />
    </FilterBar>
  );
}
