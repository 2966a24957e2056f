import { App, Checkbox, Descriptions, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RolloutBatch, RolloutDeadline } from '@shared/api-types';
import type { DeadlineApplies, Requirement } from '@shared/rollout';
import { FormModal } from '../../../app/components/FormModal';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { useRegions } from '../../org/api/use-regions';
import { REQUIREMENTS } from '@shared/rollout';
import { createDeadline, updateDeadline } from '../api/rollout.api';
import { DeadlineScope, RequirementTags } from './deadline-scope';

/** The batch select's value for "every batch" (batch codes are YYYY-MM, so it cannot be one). */
const EVERY_BATCH = '*';
const APPLIES: DeadlineApplies[] = ['new', 'built'];

interface Values {
  cityId?: number;
  name: string;
  dueOn: Dayjs;
  appliesTo: DeadlineApplies;
  batchCode: string;
  requires: Requirement[];
}

/**
 * Adds one of the city's deadlines — which schools it holds (built or new, of every batch or of
 * one of the city's batches), what they must have done and by when — or renames one or moves its
 * day. Once made, which schools it applies to and what it requires stay as they are (shown for
 * reference): a different rule is a different deadline.
 */
export function DeadlineFormModal({ deadline, batches, onClose, onSaved }: {
  /** The deadline to change; none to add one. */
  deadline?: RolloutDeadline;
  /** The batches the person sees, offered for a new deadline (those of its city). */
  batches: RolloutBatch[];
  onClose: () => void;
  onSaved: (deadline: RolloutDeadline) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { cities } = useRegions();
  const chosenCity = Form.useWatch('cityId', form);
  const cityId = chosenCity ?? (cities.length === 1 ? cities[0]?.id : undefined);
  const cityBatches = batches.filter((b) => b.cityId === cityId);

  async function submit(v: Values) {
    const name = v.name.trim();
    const dueOn = v.dueOn.format('YYYY-MM-DD');
    const saved = deadline
      ? await updateDeadline(deadline.id, { name, dueOn })
      // The city is sent whenever it is known: an administrator of every city must name it even when there is one.
      : await createDeadline({
        cityId, name, dueOn, appliesTo: v.appliesTo,
        batchCode: v.batchCode === EVERY_BATCH ? null : v.batchCode, requires: v.requires,
      });
    void message.success(t('common.saved'));
    onSaved(saved);
  }

  return (
    <FormModal<Values>
      title={deadline ? t('rollout.plan.editDeadlineTitle') : t('rollout.plan.createDeadline')}
      form={form}
      onClose={onClose}
      onSubmit={submit}
      width={560}
      initialValues={deadline
        ? { name: deadline.name, dueOn: dayjs(deadline.dueOn) }
        : { name: '', appliesTo: 'new', batchCode: EVERY_BATCH, requires: [] }}
    >
      {deadline ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[
          { key: 'applies', label: t('rollout.plan.appliesTo'), children: <DeadlineScope deadline={deadline} /> },
          { key: 'requires', label: t('rollout.plan.requires'), children: <RequirementTags requires={deadline.requires} /> },
        ]} />
      ) : null}
      {!deadline && cities.length > 1 ? (
        <Form.Item name="cityId" label={t('rollout.plan.city')} rules={[{ required: true, message: t('rollout.plan.deadlineCityRequired') }]}>
          <Select options={cities.map((c) => ({ value: c.id, label: c.name }))} onChange={() => form.setFieldValue('batchCode', EVERY_BATCH)} />
        </Form.Item>
      ) : null}
      <Form.Item name="name" label={t('rollout.plan.name')} rules={[{ required: true, whitespace: true, message: t('rollout.plan.nameRequired') }]}>
        <Input maxLength={100} placeholder={deadline ? undefined : t('rollout.plan.deadlineNamePlaceholder')} data-testid="deadline-name" />
      </Form.Item>
      <Form.Item
        name="dueOn"
        label={t('rollout.dueOn')}
        extra={deadline ? t('rollout.plan.deadlineDueHelp') : t('rollout.plan.newDeadlineDueHelp')}
        rules={[{ required: true, message: t('rollout.plan.dueRequired') }]}
      >
        <PlatformDatePicker style={{ width: '100%' }} data-testid="deadline-due-on" />
      </Form.Item>
      {deadline ? null : (
        <>
          <Form.Item name="appliesTo" label={t('rollout.plan.appliesTo')} extra={t('rollout.plan.appliesHelp')}>
            <Radio.Group options={APPLIES.map((a) => ({ value: a, label: t(`rollout.plan.applies.${a}`) }))} data-testid="deadline-applies" />
          </Form.Item>
          <Form.Item name="batchCode" label={t('rollout.plan.batch')}>
            <Select
              data-testid="deadline-batch"
              options={[
                { value: EVERY_BATCH, label: t('rollout.plan.everyBatch') },
                ...cityBatches.map((b) => ({ value: b.code, label: `${b.code} ${b.name}` })),
              ]}
            />
          </Form.Item>
          <Form.Item
            name="requires"
            label={t('rollout.plan.requires')}
            rules={[{ required: true, type: 'array', min: 1, message: t('rollout.plan.requiresRequired') }]}
          >
            <Checkbox.Group options={REQUIREMENTS.map((r) => ({ value: r, label: t(`rollout.requirements.${r}`) }))} data-testid="deadline-requires" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
