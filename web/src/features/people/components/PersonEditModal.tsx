import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { updatePerson } from '../api/people.api';
import { PHONE_PATTERN } from './PersonCreateModal';

interface EditValues {
  name: string;
  phone?: string;
}

/** Edits a person's name and mobile number. */
export function PersonEditModal({ person, onClose, onSaved }: { person: Person; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<EditValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function onFinish(values: EditValues) {
    setSaving(true);
    setError(null);
    try {
      await updatePerson(person.id, { name: values.name.trim(), phone: values.phone?.trim() || null });
      void message.success(t('common.saved'));
      onSaved();
    } catch (reason) {
      setError(reason);
      setSaving(false);
    }
  }

  return (
    <Modal open title={t('people.editTitle')} okText={t('common.save')} confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<EditValues> form={form} layout="vertical" initialValues={{ name: person.name, phone: person.phone ?? undefined }} onFinish={onFinish}>
        <Form.Item label={t('people.username')}>{person.username}</Form.Item>
        <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label={t('people.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('people.phoneInvalid') }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
