import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/api-types';
import { FormModal } from '../../../app/components/FormModal';
import { addAssignment } from '../api/people.api';
import { AssignmentFields, toAssignmentInput, type AssignmentValues } from './AssignmentFields';

/** Grants one more role to a person. */
export function AssignmentModal({ person, onClose, onAdded }: { person: Person; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  async function onSubmit(values: AssignmentValues) {
    const input = toAssignmentInput(values);
    if (!input) return;
    await addAssignment(person.id, input);
    void message.success(t('people.assignmentAdded'));
    onAdded();
  }

  return (
    <FormModal<AssignmentValues> title={t('people.addAssignmentTitle', { name: person.name })} onClose={onClose} onSubmit={onSubmit}>
      <AssignmentFields />
    </FormModal>
  );
}
