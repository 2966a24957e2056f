import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@shared/domain';
import type { PeopleFilters } from '@shared/api-types';
import type { QueryValue } from '../../../api/client';
import { useRegions } from '../../org/api/use-regions';
import { SchoolSelect } from '../../schools/components/SchoolSelect';

/** Keyword, county, school and role; each change goes to the URL at once. */
export function PeopleFilterBar({ filters, onChange }: { filters: PeopleFilters; onChange: (patch: Record<string, QueryValue>) => void }) {
  const { t } = useTranslation();
  const { counties, loading } = useRegions();
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  return (
    <Flex wrap gap={12} className="filter-bar" style={{ marginBottom: 16 }}>
      <Input.Search
        className="filter-wide"
        key={filters.q ?? ''}
        allowClear
        defaultValue={filters.q}
        placeholder={t('people.keyword')}
        aria-label={t('people.keyword')}
        onSearch={(q) => onChange({ q: q.trim() })}
        data-testid="filter-keyword"
      />
      <Select
        allowClear
        placeholder={t('people.county')}
        aria-label={t('people.county')}
        loading={loading}
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.countyId}
        onChange={(countyId?: number) => onChange({ countyId, schoolId: undefined })}
        options={counties.map((county) => ({ value: county.id, label: county.name }))}
        data-testid="filter-county"
      />
      <SchoolSelect
        className="filter-wide"
        value={filters.schoolId}
        countyId={filters.countyId}
        onChange={(schoolId) => onChange({ schoolId })}
        aria-label={t('people.school')}
        data-testid="filter-school"
      />
      <Select
        allowClear
        placeholder={t('people.role')}
        aria-label={t('people.role')}
        value={filters.role}
        onChange={(role?: string) => onChange({ role })}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        data-testid="filter-role"
      />
      {hasFilters ? (
        <Button type="link" className="filter-action" onClick={() => onChange({ q: undefined, countyId: undefined, schoolId: undefined, role: undefined })}>
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
