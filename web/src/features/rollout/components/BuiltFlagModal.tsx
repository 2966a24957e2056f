import { Alert, App, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RolloutSchoolDetail } from '@shared/api-types';
import { FormModal } from '../../../app/components/FormModal';
import { setBuilt } from '../api/rollout.api';
import { RequirementTags } from './deadline-scope';

interface Values { note?: string }

/**
 * Confirms turning the school's 已建成录播室 flag the other way, naming the deadlines that will
 * then hold it: the flag chooses them, so the person sees what changes before it does.
 */
export function BuiltFlagModal({ school, onClose, onSaved }: {
  school: RolloutSchoolDetail;
  onClose: () => void;
  onSaved: (school: RolloutSchoolDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const to = !school.built;
  const next = school.deadlinesIfBuiltChanged;

  async function submit(v: Values) {
    const saved = await setBuilt(school.id, { built: to, note: v.note?.trim() || undefined });
    void message.success(t('common.saved'));
    onSaved(saved);
  }

  return (
    <FormModal<Values>
      title={t('rollout.detail.builtTitle', { school: school.name })}
      onClose={onClose}
      onSubmit={submit}
      okText={t('rollout.detail.builtConfirm')}
      width={560}
    >
      <Flex vertical gap={12} style={{ marginBottom: 16 }} data-testid="built-confirm">
        <Typography.Text strong>{t(to ? 'rollout.detail.builtToBuilt' : 'rollout.detail.builtToNew')}</Typography.Text>
        <Alert
          type="warning"
          showIcon
          title={next.length ? t('rollout.detail.builtDeadlines') : t('rollout.detail.builtNoDeadlines')}
          description={next.length ? (
            <Flex vertical gap={6}>
              {next.map((d) => (
                <Flex key={d.id} vertical gap={2}>
                  <Typography.Text><Typography.Text strong>{d.dueOn}</Typography.Text> {d.name}</Typography.Text>
                  <span><RequirementTags requires={d.requires} /></span>
                </Flex>
              ))}
            </Flex>
          ) : undefined}
        />
      </Flex>
      <Form.Item name="note" label={t('rollout.detail.builtNote')}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('rollout.detail.builtNotePlaceholder')} data-testid="built-note" />
      </Form.Item>
    </FormModal>
  );
}
