import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/api-types';
import { FormModal } from '../../../app/components/FormModal';
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

  async function onSubmit(values: EditValues) {
    await updatePerson(person.id, { name: values.name.trim(), phone: values.phone?.trim() || null });
    void message.success(t('common.saved'));
    onSaved();
  }

  return (
    <FormModal<EditValues>
      title={t('people.editTitle')}
      onClose={onClose}
      onSubmit={onSubmit}
      initialValues={{ name: person.name, phone: person.phone ?? undefined }}
    >
      <Form.Item label={t('people.username')}>{person.username}</Form.Item>
      <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="phone" label={t('people.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('people.phoneInvalid') }]}>
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
    </FormModal>
  );
}
