import { useState } from 'react';
import { App, Button, Flex, Form, Input, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '@shared/supervision-api-types';
import { useErrorText } from '../../../api/error-text';
import { FormModal } from '../../../app/components/FormModal';
import { rectifyFollowUp, reviewFollowUp } from '../api/inspections.api';

/**
 * What the caller may do with a follow-up: the school's principal writes the rectification note
 * (整改说明); the inspectors verify it (验收) or send a rectified one back with a reason (退回).
 * The server decides again; these only hide buttons that would be refused.
 */
export function FollowUpActions({ followUp, canRectify, canReview, onChanged }: {
  followUp: FollowUp; canRectify: boolean; canReview: boolean; onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<'rectify' | 'reopen' | null>(null);

  async function verify() {
    try {
      await reviewFollowUp(followUp.id, { decision: 'verify' });
      void message.success(t('inspections.verified'));
      onChanged();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  return (
    <Flex gap={4} wrap>
      {canRectify && followUp.status !== 'verified' ? (
        <Button size="small" type={followUp.status === 'open' ? 'primary' : 'default'} onClick={() => setDialog('rectify')} data-testid={`rectify-${followUp.id}`}>
          {followUp.status === 'open' ? t('inspections.rectify') : t('inspections.editRectification')}
        </Button>
      ) : null}
      {canReview && followUp.status !== 'verified' ? (
        <Popconfirm title={t('inspections.verifyConfirm')} onConfirm={verify}>
          <Button size="small" data-testid={`verify-${followUp.id}`}>{t('inspections.verify')}</Button>
        </Popconfirm>
      ) : null}
      {canReview && followUp.status !== 'open' ? (
        <Button size="small" danger onClick={() => setDialog('reopen')}>{t('inspections.reopen')}</Button>
      ) : null}
      {dialog === 'rectify' ? (
        <FormModal<{ note: string }>
          title={t('inspections.rectifyTitle')}
          initialValues={{ note: followUp.rectificationNote ?? '' }}
          onClose={() => setDialog(null)}
          onSubmit={async ({ note }) => {
            await rectifyFollowUp(followUp.id, note.trim());
            void message.success(t('common.saved'));
            setDialog(null);
            onChanged();
          }}
        >
          <Form.Item label={t('inspections.followUp')}>{followUp.description}</Form.Item>
          <Form.Item name="note" label={t('inspections.rectificationNote')} rules={[{ required: true, whitespace: true, message: t('inspections.noteRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} placeholder={t('inspections.notePlaceholder')} data-testid="rectification-note" />
          </Form.Item>
        </FormModal>
      ) : null}
      {dialog === 'reopen' ? (
        <FormModal<{ comment: string }>
          title={t('inspections.reopenTitle')}
          okText={t('inspections.reopen')}
          onClose={() => setDialog(null)}
          onSubmit={async ({ comment }) => {
            await reviewFollowUp(followUp.id, { decision: 'reopen', comment: comment.trim() });
            setDialog(null);
            onChanged();
          }}
        >
          <Form.Item name="comment" label={t('inspections.reopenReason')} rules={[{ required: true, whitespace: true, message: t('inspections.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </FormModal>
      ) : null}
    </Flex>
  );
}
