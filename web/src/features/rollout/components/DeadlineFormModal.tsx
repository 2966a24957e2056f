import { App, Descriptions, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RolloutDeadline } from '@shared/api-types';
import { FormModal } from '../../../app/components/FormModal';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { updateDeadline } from '../api/rollout.api';
import { DeadlineScope, RequirementTags } from './deadline-scope';

interface Values { name: string; dueOn: Dayjs }

/**
 * Renames one of the city's deadlines or moves its day. Which schools it applies to and what it
 * requires were set by the bureau's notice and stay as they are (shown for reference).
 */
export function DeadlineFormModal({ deadline, onClose, onSaved }: {
  deadline: RolloutDeadline;
  onClose: () => void;
  onSaved: (deadline: RolloutDeadline) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  async function submit(v: Values) {
    const saved = await updateDeadline(deadline.id, { name: v.name.trim(), dueOn: v.dueOn.format('YYYY-MM-DD') });
    void message.success(t('common.saved'));
    onSaved(saved);
  }

  return (
    <FormModal<Values>
      title={t('rollout.plan.editDeadlineTitle')}
      onClose={onClose}
      onSubmit={submit}
      width={560}
      initialValues={{ name: deadline.name, dueOn: dayjs(deadline.dueOn) }}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[
        { key: 'applies', label: t('rollout.plan.appliesTo'), children: <DeadlineScope deadline={deadline} /> },
        { key: 'requires', label: t('rollout.plan.requires'), children: <RequirementTags requires={deadline.requires} /> },
      ]} />
      <Form.Item name="name" label={t('rollout.plan.name')} rules={[{ required: true, whitespace: true, message: t('rollout.plan.nameRequired') }]}>
        <Input maxLength={100} data-testid="deadline-name" />
      </Form.Item>
      <Form.Item name="dueOn" label={t('rollout.dueOn')} extra={t('rollout.plan.deadlineDueHelp')} rules={[{ required: true, message: t('rollout.plan.dueRequired') }]}>
        <PlatformDatePicker style={{ width: '100%' }} data-testid="deadline-due-on" />
      </Form.Item>
    </FormModal>
  );
}
