import { App, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RolloutSchoolDetail } from '@shared/api-types';
import type { Milestone } from '@shared/rollout';
import { FormModal } from '../../../app/components/FormModal';
import { platformToday } from '../../../app/time';
import { recordMilestone } from '../api/rollout.api';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';

interface Values {
  milestone: Milestone;
  doneOn?: Dayjs;
  plannedOn?: Dayjs;
  evidenceNote?: string;
  evidenceLink?: string;
}

/**
 * Records one of the school's milestones: done on a day with evidence (a note and/or a link), or
 * only its planned date. Offers only the milestones the person's department answers for.
 */
export function RecordMilestoneModal({ school, day, initial, onClose, onSaved }: {
  school: RolloutSchoolDetail;
  /** The page's as-of day: the default done date. */
  day?: string;
  initial?: Milestone;
  onClose: () => void;
  onSaved: (school: RolloutSchoolDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const choices = school.milestones.filter((m) => m.canRecord);
  const today = platformToday().format('YYYY-MM-DD');
  const defaultDay = day && day < today ? day : today;

  async function submit(v: Values) {
    const saved = await recordMilestone(school.id, {
      milestone: v.milestone,
      doneOn: v.doneOn?.format('YYYY-MM-DD'),
      plannedOn: v.plannedOn?.format('YYYY-MM-DD'),
      evidenceNote: v.evidenceNote?.trim() || undefined,
      evidenceLink: v.evidenceLink?.trim() || undefined,
    });
    void message.success(t('common.saved'));
    onSaved(saved);
  }

  return (
    <FormModal<Values>
      title={t('rollout.detail.recordTitle', { school: school.name })}
      form={form}
      onClose={onClose}
      onSubmit={submit}
      initialValues={{ milestone: initial ?? choices.find((m) => !m.done)?.milestone ?? choices[0]?.milestone, doneOn: dayjs(defaultDay) }}
    >
      <Form.Item name="milestone" label={t('rollout.form.milestone')} rules={[{ required: true }]}>
        <Select
          options={choices.map((m) => ({ value: m.milestone, label: t(`rollout.milestones.${m.milestone}`) }))}
          data-testid="record-milestone"
        />
      </Form.Item>
      <Form.Item name="doneOn" label={t('rollout.form.doneOn')} extra={t('rollout.form.doneOnHelp')}>
        <PlatformDatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} data-testid="record-done-on" />
      </Form.Item>
      <Form.Item
        name="evidenceNote"
        label={t('rollout.form.evidenceNote')}
        dependencies={['doneOn', 'evidenceLink']}
        rules={[({ getFieldValue }) => ({
          validator: (_, value?: string) => (!getFieldValue('doneOn') || value?.trim() || getFieldValue('evidenceLink')?.trim()
            ? Promise.resolve() : Promise.reject(new Error(t('rollout.form.evidenceRequired')))),
        })]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('rollout.form.evidenceNotePlaceholder')} data-testid="record-evidence" />
      </Form.Item>
      <Form.Item name="evidenceLink" label={t('rollout.form.evidenceLink')}>
        <Input maxLength={500} placeholder="https://…" />
      </Form.Item>
      <Form.Item name="plannedOn" label={t('rollout.form.plannedOn')}>
        <PlatformDatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
