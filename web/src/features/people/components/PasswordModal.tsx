import { useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { resetPassword } from '../api/people.api';
import { PasswordFields, type PasswordValues } from './PasswordFields';

/** Sets a new password for someone who forgot theirs; policy failures show the server's reason. */
export function PasswordModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function onFinish(values: PasswordValues) {
    setSaving(true);
    setError(null);
    try {
      await resetPassword(person.id, values.password);
      void message.success(t('people.passwordReset'), 6);
      onClose();
    } catch (reason) {
      setError(reason);
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('people.resetPasswordTitle', { name: person.name })}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} role="alert" data-testid="password-error" /> : null}
      <Form<PasswordValues> form={form} layout="vertical" onFinish={onFinish} autoComplete="off">
        <PasswordFields label={t('people.newPassword')} />
      </Form>
    </Modal>
  );
}
