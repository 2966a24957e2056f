import { AutoComplete, Checkbox, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RecordingFilters } from '@shared/api-types';
import type { QueryValue } from '../../../api/client';
import { CountySchoolFilters, FilterBar } from '../../../app/list/filter-bar';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { platformToday } from '../../../app/time';
import { RECORDING_STATUSES } from '../api/recordings.api';
import { SUBJECTS } from './subjects';

/** County, school, school days, subject, counted or not, status, only mine; each change goes to the URL at once. */
export function RecordingFilterBar({ filters, onChange, offerMine = false }: {
  filters: RecordingFilters;
  onChange: (patch: Record<string, QueryValue>) => void;
  /** Offer 只看我的 (for those who teach and upload lessons). */
  offerMine?: boolean;
}) {
  const { t } = useTranslation();
  const range = filters.from && filters.to ? ([dayjs(filters.from), dayjs(filters.to)] as const) : null;
  // School days are Liaocheng's: "today" is Asia/Shanghai's, in any browser.
  const today = platformToday();

  return (
    <FilterBar filters={filters} onChange={onChange}>
      <CountySchoolFilters
        filters={filters}
        onChange={onChange}
        countyLabel={t('recordings.county')}
        schoolLabel={t('recordings.school')}
        hideSingleCounty
      />
      <PlatformDatePicker.RangePicker
        className="filter-wide"
        value={range ? [range[0], range[1]] : null}
        onChange={(values) =>
          onChange({ from: values?.[0]?.format('YYYY-MM-DD'), to: values?.[1]?.format('YYYY-MM-DD') })
        }
        presets={[
          { label: t('recordings.presets.today'), value: [today, today] },
          { label: t('recordings.presets.week'), value: [today.subtract(6, 'day'), today] },
          { label: t('recordings.presets.month'), value: [today.subtract(29, 'day'), today] },
        ]}
        aria-label={t('recordings.schoolDays')}
      />
      <AutoComplete
        key={`subject-${filters.subject ?? ''}`}
        allowClear
        defaultValue={filters.subject}
        placeholder={t('recordings.subject')}
        aria-label={t('recordings.subject')}
        options={SUBJECTS.map((value) => ({ value }))}
        onSelect={(subject: string) => onChange({ subject })}
        onClear={() => onChange({ subject: undefined })}
        onBlur={(event) => {
          const value = (event.target as HTMLInputElement).value.trim();
          if (value !== (filters.subject ?? '')) onChange({ subject: value });
        }}
        data-testid="filter-subject"
      />
      <Select
        allowClear
        placeholder={t('recordings.countsFilter')}
        aria-label={t('recordings.countsFilter')}
        value={filters.counts === undefined ? undefined : String(filters.counts)}
        onChange={(value?: string) => onChange({ counts: value })}
        options={[
          { value: 'true', label: t('recordings.counts') },
          { value: 'false', label: t('recordings.notCounts') },
        ]}
        data-testid="filter-counts"
      />
      <Select
        allowClear
        placeholder={t('recordings.status')}
        aria-label={t('recordings.status')}
        value={filters.status}
        onChange={(status?: string) => onChange({ status })}
        options={RECORDING_STATUSES.map((status) => ({ value: status, label: t(`recordingStatuses.${status}`) }))}
        data-testid="filter-status"
      />
      {offerMine ? (
        <Checkbox
          checked={filters.mine === true}
          onChange={(event) => onChange({ mine: event.target.checked ? 'true' : undefined })}
          data-testid="filter-mine"
          style={{ alignSelf: 'center' }}
        >
          {t('myRecordings.onlyMine')}
        </Checkbox>
      ) : null}
    </FilterBar>
  );
}
