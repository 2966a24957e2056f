import { useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { addAssignment } from '../api/people.api';
import { AssignmentFields, toAssignmentInput, type AssignmentValues } from './AssignmentFields';

/** Grants one more role to a person. */
export function AssignmentModal({ person, onClose, onAdded }: { person: Person; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<AssignmentValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function onFinish(values: AssignmentValues) {
    const input = toAssignmentInput(values);
    if (!input) return;
    setSaving(true);
    setError(null);
    try {
      await addAssignment(person.id, input);
      void message.success(t('people.assignmentAdded'));
      onAdded();
    } catch (reason) {
      setError(reason);
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('people.addAssignmentTitle', { name: person.name })}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<AssignmentValues> form={form} layout="vertical" onFinish={onFinish}>
        <AssignmentFields />
      </Form>
    </Modal>
  );
}
