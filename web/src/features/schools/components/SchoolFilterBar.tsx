import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALITIES, SCHOOL_KINDS } from '@shared/domain';
import type { SchoolFilters } from '@shared/api-types';
import type { QueryValue } from '../../../api/client';
import { useRegions } from '../../org/api/use-regions';

/** County, kind, locality, poor village and keyword; each change goes to the URL at once. */
export function SchoolFilterBar({
  filters,
  onChange,
}: {
  filters: SchoolFilters;
  onChange: (patch: Record<string, QueryValue>) => void;
}) {
  const { t } = useTranslation();
  const { counties, loading } = useRegions();
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  return (
    <Flex wrap gap={12} className="filter-bar" style={{ marginBottom: 16 }}>
      <Select
        allowClear
        placeholder={t('schools.county')}
        aria-label={t('schools.county')}
        loading={loading}
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.countyId}
        onChange={(countyId?: number) => onChange({ countyId })}
        options={counties.map((county) => ({ value: county.id, label: county.name }))}
        data-testid="filter-county"
      />
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
      {hasFilters ? (
        <Button
          type="link"
          onClick={() => onChange({ countyId: undefined, kind: undefined, locality: undefined, poorVillage: undefined, q: undefined })}
        >
          {t('common.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
