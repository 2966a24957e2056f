import { Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReportFilters } from '@shared/api-types';
import type { QueryValue } from '../../../api/client';
import { CountySelect, FilterBar } from '../../../app/list/filter-bar';
import { REPORT_DEPARTMENTS, REPORT_STATUSES } from '../api/reports.api';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';

/** County (when there are several), department, status, and the months the periods start in. */
export function ReportFilterBar({ filters, onChange }: { filters: ReportFilters; onChange: (patch: Record<string, QueryValue>) => void }) {
  const { t } = useTranslation();
  return (
    <FilterBar filters={filters} onChange={onChange}>
      <CountySelect value={filters.countyId} onChange={(countyId) => onChange({ countyId })} label={t('reports.county')} hideSingle />
      <Select
        allowClear
        placeholder={t('reports.department')}
        aria-label={t('reports.department')}
        value={filters.department}
        onChange={(department) => onChange({ department })}
        options={REPORT_DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
        style={{ minWidth: 120 }}
        data-testid="filter-department"
      />
      <Select
        allowClear
        placeholder={t('reports.status')}
        aria-label={t('reports.status')}
        value={filters.status}
        onChange={(status) => onChange({ status })}
        options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`reports.statuses.${s}`) }))}
        style={{ minWidth: 120 }}
        data-testid="filter-status"
      />
      <PlatformDatePicker.RangePicker
        picker="month"
        allowEmpty={[true, true]}
        placeholder={[t('reports.fromMonth'), t('reports.toMonth')]}
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        onChange={(range) => onChange({
          from: range?.[0] ? range[0].startOf('month').format('YYYY-MM-DD') : undefined,
          to: range?.[1] ? range[1].endOf('month').format('YYYY-MM-DD') : undefined,
        })}
      />
    </FilterBar>
  );
}
