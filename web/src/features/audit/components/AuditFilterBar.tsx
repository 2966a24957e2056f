import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '@shared/api-types';
import type { QueryValue } from '../../../api/client';
import { FilterBar } from '../../../app/list/filter-bar';
import { AUDIT_RESULTS } from '../api/audit.api';
import { actionLabel, knownActions } from './audit-actions';

/** Time range, actor, action and result; each change goes to the URL at once. */
export function AuditFilterBar({ filters, onChange }: { filters: AuditFilters; onChange: (patch: Record<string, QueryValue>) => void }) {
  const { t, i18n } = useTranslation();
  const actionOptions = knownActions().map((action) => ({
    value: action,
    label: `${actionLabel(t, i18n.exists, action)} · ${action}`,
  }));
  const range = filters.from && filters.to ? ([dayjs(filters.from), dayjs(filters.to)] as const) : null;

  return (
    <FilterBar filters={filters} onChange={onChange}>
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={range ? [range[0], range[1]] : null}
        onChange={(values) =>
          onChange({
            from: values?.[0] ? values[0].toISOString() : undefined,
            to: values?.[1] ? values[1].toISOString() : undefined,
          })
        }
        presets={[
          { label: t('audit.presets.today'), value: [dayjs().startOf('day'), dayjs().endOf('day')] },
          { label: t('audit.presets.week'), value: [dayjs().subtract(7, 'day').startOf('day'), dayjs().endOf('day')] },
          { label: t('audit.presets.month'), value: [dayjs().subtract(30, 'day').startOf('day'), dayjs().endOf('day')] },
        ]}
        aria-label={t('audit.timeRange')}
        style={{ flex: '3 1 300px', maxWidth: 380 }}
      />
      <Input.Search
        className="filter-wide"
        key={`actor-${filters.actor ?? ''}`}
        allowClear
        defaultValue={filters.actor}
        placeholder={t('audit.actorPlaceholder')}
        aria-label={t('audit.actor')}
        onSearch={(actor) => onChange({ actor: actor.trim() })}
      />
      <Select
        className="filter-wide"
        allowClear
        showSearch={{ optionFilterProp: ['label', 'value'] }}
        placeholder={t('audit.actionPlaceholder')}
        aria-label={t('audit.action')}
        value={filters.action}
        onChange={(action?: string) => onChange({ action })}
        options={actionOptions}
        data-testid="filter-action"
      />
      <Select
        allowClear
        placeholder={t('audit.result')}
        aria-label={t('audit.result')}
        value={filters.result}
        onChange={(result?: string) => onChange({ result })}
        options={AUDIT_RESULTS.map((result) => ({ value: result, label: t(`audit.results.${result}`) }))}
      />
    </FilterBar>
  );
}
