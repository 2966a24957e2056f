import { App, Form, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportPeriod, ReportSettings } from '@shared/api-types';
import { FormModal } from '../../../app/components/FormModal';
import { REPORT_PERIODS, updateReportSettings } from '../api/reports.api';

/** The city bureau chooses weekly or monthly reports. */
export function SettingsModal({ settings, onClose, onSaved }: { settings: ReportSettings; onClose: () => void; onSaved: (s: ReportSettings) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <FormModal<{ period: ReportPeriod }>
      title={`${t('reports.settingsTitle')} · ${settings.cityName}`}
      onClose={onClose}
      initialValues={{ period: settings.period }}
      onSubmit={async ({ period }) => {
        onSaved(await updateReportSettings(period));
        void message.success(t('common.saved'));
      }}
    >
      <Form.Item name="period" label={t('reports.settings')}>
        <Radio.Group options={REPORT_PERIODS.map((p) => ({ value: p, label: t(`reports.periods.${p}`) }))} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('reports.settingsHint')}</Typography.Paragraph>
    </FormModal>
  );
}
