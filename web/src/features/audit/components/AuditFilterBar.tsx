import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '@shared/api-types';
import type { QueryValue } from '../../../api/client';
import { FilterBar } from '../../../app/list/filter-bar';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { fromWallClock, platformToday, toWallClock } from '../../../app/time';
import { AUDIT_RESULTS } from '../api/audit.api';
import { actionLabel, knownActions } from './audit-actions';

/** Time range, actor, action and result; each change goes to the URL at once. */
export function AuditFilterBar({ filters, onChange }: { filters: AuditFilters; onChange: (patch: Record<string, QueryValue>) => void }) {
  const { t, i18n } = useTranslation();
  const actionOptions = knownActions().map((action) => ({
    value: action,
    // Shown in words; the code still matches what is typed (optionFilterProp below).
    label: actionLabel(t, i18n.exists, action),
  }));
  // The range is picked and shown in Asia/Shanghai, whatever the browser's zone, and sent with +08:00.
  const range = filters.from && filters.to ? ([toWallClock(filters.from), toWallClock(filters.to)] as const) : null;
  const today = platformToday();

  return (
    <FilterBar filters={filters} onChange={onChange}>
      <PlatformDatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={range ? [range[0], range[1]] : null}
        onChange={(values) =>
          onChange({
            from: values?.[0] ? fromWallClock(values[0]).format() : undefined,
            to: values?.[1] ? fromWallClock(values[1]).format() : undefined,
          })
        }
        presets={[
          { label: t('audit.presets.today'), value: [today, today.endOf('day')] },
          { label: t('audit.presets.week'), value: [today.subtract(7, 'day'), today.endOf('day')] },
          { label: t('audit.presets.month'), value: [today.subtract(30, 'day'), today.endOf('day')] },
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
