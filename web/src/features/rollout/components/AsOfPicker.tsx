import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The day the figures are as of (`?asOf=`); overdue means "due before this day and not done by it". */
export function AsOfPicker({ value, onChange }: { value?: string; onChange: (day?: string) => void }) {
  const { t } = useTranslation();
  return (
    <DatePicker
      allowClear={false}
      value={value ? dayjs(value) : undefined}
      onChange={(day) => onChange(day ? day.format('YYYY-MM-DD') : undefined)}
      prefix={t('rollout.asOf')}
      data-testid="rollout-as-of"
    />
  );
}
