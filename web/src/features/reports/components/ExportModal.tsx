import { App, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/FormModal';
import { downloadComplianceTable, downloadRolloutTable } from '../api/reports.api';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';

/** Asks for the range (compliance) or the day (rollout), then downloads the official table. */
export function ExportModal({ table, asOf, onClose }: { table: 'compliance' | 'rollout'; asOf: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const day = dayjs(asOf);

  // A failure stays in the dialog (FormModal shows the server's reason).
  async function onSubmit(values: { range?: [Dayjs, Dayjs]; asOf?: Dayjs }) {
    if (table === 'compliance') await downloadComplianceTable(values.range![0].format('YYYY-MM-DD'), values.range![1].format('YYYY-MM-DD'));
    else await downloadRolloutTable(values.asOf!.format('YYYY-MM-DD'));
    void message.success(t('common.exportStarted'));
    onClose();
  }

  return (
    <FormModal
      title={t(table === 'compliance' ? 'reports.exportComplianceTitle' : 'reports.exportRolloutTitle')}
      okText={t('reports.exportOk')}
      onClose={onClose}
      onSubmit={onSubmit}
      initialValues={table === 'compliance' ? { range: [day.startOf('month'), day] } : { asOf: day }}
    >
      <Typography.Paragraph type="secondary">{t('reports.exportHint')}</Typography.Paragraph>
      {table === 'compliance' ? (
        <Form.Item name="range" label={t('reports.exportRange')} rules={[{ required: true }]}>
          <PlatformDatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item name="asOf" label={t('reports.exportAsOf')} rules={[{ required: true }]}>
          <PlatformDatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
