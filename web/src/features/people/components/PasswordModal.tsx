import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/api-types';
import { FormModal } from '../../../app/components/FormModal';
import { resetPassword } from '../api/people.api';
import { PasswordFields, type PasswordValues } from './PasswordFields';

/** Sets a new password for someone who forgot theirs; policy failures show the server's reason. */
export function PasswordModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  async function onSubmit(values: PasswordValues) {
    await resetPassword(person.id, values.password);
    void message.success(t('people.passwordReset'), 6);
    onClose();
  }

  return (
    <FormModal<PasswordValues> title={t('people.resetPasswordTitle', { name: person.name })} onClose={onClose} onSubmit={onSubmit} autoComplete="off">
      <PasswordFields label={t('people.newPassword')} />
    </FormModal>
  );
}
