import { App, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReportDetail, ReportPeriod } from '@shared/api-types';
import type { Department } from '@shared/domain';
import { ApiError } from '../../../api/client';
import { FormModal } from '../../../app/components/FormModal';
import { createReport } from '../api/reports.api';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';

interface Values { day: Dayjs; department?: Department }

/**
 * Begins a report: the period (a month or a week, as the city set it) and, for a county admin,
 * the department. When the period's report already exists, opens that one instead.
 */
export function NewReportModal({ period, departments, defaultDay, onClose, onOpen }: {
  period: ReportPeriod;
  departments: Department[];
  defaultDay: string;
  onClose: () => void;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const choose = departments.length > 1;

  async function onSubmit(values: Values) {
    try {
      const report: ReportDetail = await createReport({ day: values.day.format('YYYY-MM-DD'), ...(choose ? { department: values.department } : {}) });
      onOpen(report.id);
    } catch (error) {
      const existing = error instanceof ApiError && error.code === 'REPORT_EXISTS' ? (error.details as { id?: number } | undefined)?.id : undefined;
      if (existing === undefined) throw error;
      void message.info(t('reports.openExisting'));
      onOpen(existing);
    }
  }

  return (
    <FormModal<Values>
      title={t('reports.createTitle')}
      okText={t('reports.create')}
      onClose={onClose}
      onSubmit={onSubmit}
      initialValues={{ day: dayjs(defaultDay), department: choose ? undefined : departments[0] }}
    >
      <Typography.Paragraph type="secondary">{t('reports.createHint')}</Typography.Paragraph>
      <Form.Item name="day" label={`${t('reports.periodPick')}（${t(`reports.periods.${period}`)}）`} rules={[{ required: true, message: t('reports.periodRequired') }]}>
        <PlatformDatePicker picker={period === 'weekly' ? 'week' : 'month'} style={{ width: '100%' }} data-testid="report-period" />
      </Form.Item>
      {choose ? (
        <Form.Item name="department" label={t('reports.department')} rules={[{ required: true, message: t('reports.departmentRequired') }]}>
          <Select
            data-testid="report-department"
            options={departments.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
          />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
