import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoomFilters } from '@shared/api-types';
import type { QueryValue } from '../../../api/client';
import { useRegions } from '../../org/api/use-regions';
import { SchoolSelect } from '../../schools/components/SchoolSelect';
import { CONNECTIVITIES, ROOM_STATUSES } from '../api/rooms.api';

/** County, school, lifecycle status and online state; each change goes to the URL at once. */
export function RoomFilterBar({ filters, onChange }: { filters: RoomFilters; onChange: (patch: Record<string, QueryValue>) => void }) {
  const { t } = useTranslation();
  const { counties, loading } = useRegions();
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  return (
    <Flex wrap gap={12} className="filter-bar" style={{ marginBottom: 16 }}>
      {counties.length > 1 ? (
        <Select
          allowClear
          placeholder={t('rooms.county')}
          aria-label={t('rooms.county')}
          loading={loading}
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.countyId}
          onChange={(countyId?: number) => onChange({ countyId, schoolId: undefined })}
          options={counties.map((county) => ({ value: county.id, label: county.name }))}
          data-testid="filter-county"
        />
      ) : null}
      <SchoolSelect
        className="filter-wide"
        value={filters.schoolId}
        countyId={filters.countyId}
        onChange={(schoolId) => onChange({ schoolId })}
        aria-label={t('rooms.school')}
        data-testid="filter-school"
      />
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
      {hasFilters ? (
        <Button type="link" className="filter-action" onClick={() => onChange({ countyId: undefined, schoolId: undefined, status: undefined, connectivity: undefined })}>
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
