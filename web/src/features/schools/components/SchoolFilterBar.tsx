import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALITIES, SCHOOL_KINDS } from '@shared/domain';
import type { SchoolFilters } from '@shared/api-types';
import type { QueryValue } from '../../../api/client';
import { CountySelect, FilterBar } from '../../../app/list/filter-bar';

/** County, kind, locality, poor village and keyword; each change goes to the URL at once. */
export function SchoolFilterBar({
  filters,
  onChange,
}: {
  filters: SchoolFilters;
  onChange: (patch: Record<string, QueryValue>) => void;
}) {
  const { t } = useTranslation();

  return (
    <FilterBar filters={filters} onChange={onChange}>
      <CountySelect value={filters.countyId} onChange={(countyId) => onChange({ countyId })} label={t('schools.county')} />
      <Select
        allowClear
        placeholder={t('schools.kind')}
        aria-label={t('schools.kind')}
        value={filters.kind}
        onChange={(kind?: string) => onChange({ kind })}
        options={SCHOOL_KINDS.map((kind) => ({ value: kind, label: t(`schoolKinds.${kind}`) }))}
        data-testid="filter-kind"
      />
      <Select
        allowClear
        placeholder={t('schools.locality')}
        aria-label={t('schools.locality')}
        value={filters.locality}
        onChange={(locality?: string) => onChange({ locality })}
        options={LOCALITIES.map((locality) => ({ value: locality, label: t(`localities.${locality}`) }))}
        data-testid="filter-locality"
      />
      <Select
        allowClear
        placeholder={t('schools.poorVillage')}
        aria-label={t('schools.poorVillage')}
        value={filters.poorVillage === undefined ? undefined : String(filters.poorVillage)}
        onChange={(poorVillage?: string) => onChange({ poorVillage })}
        options={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
        data-testid="filter-poor-village"
      />
      <Input.Search
        className="filter-wide"
        key={filters.q ?? ''}
        allowClear
        defaultValue={filters.q}
        placeholder={t('schools.keyword')}
        aria-label={t('schools.keyword')}
        onSearch={(q) => onChange({ q: q.trim() })}
        data-testid="filter-keyword"
      />
    </FilterBar>
  );
}
