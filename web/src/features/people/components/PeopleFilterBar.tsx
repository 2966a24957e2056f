import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@shared/domain';
import type { PeopleFilters } from '@shared/api-types';
import type { QueryValue } from '../../../api/client';
import { CountySchoolFilters, FilterBar } from '../../../app/list/filter-bar';

/** Keyword, county, school and role; each change goes to the URL at once. */
export function PeopleFilterBar({ filters, onChange }: { filters: PeopleFilters; onChange: (patch: Record<string, QueryValue>) => void }) {
  const { t } = useTranslation();

  return (
    <FilterBar filters={filters} onChange={onChange}>
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
      <CountySchoolFilters filters={filters} onChange={onChange} countyLabel={t('people.county')} schoolLabel={t('people.school')} />
      <Select
        allowClear
        placeholder={t('people.role')}
        aria-label={t('people.role')}
        value={filters.role}
        onChange={(role?: string) => onChange({ role })}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        data-testid="filter-role"
      />
    </FilterBar>
  );
}
