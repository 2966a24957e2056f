import { App, Divider, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { SYSTEM_ROLES } from '@shared/domain';
import type { Person } from '@shared/api-types';
import { useMe } from '../../../app/auth';
import { FormModal } from '../../../app/components/FormModal';
import { createPerson } from '../api/people.api';
import { AssignmentFields, toAssignmentInput, type AssignmentValues } from './AssignmentFields';
import { PasswordFields, type PasswordValues } from './PasswordFields';

interface CreateValues extends PasswordValues {
  username: string;
  name: string;
  phone?: string;
  assignment?: AssignmentValues;
}

// The server's patterns (people.schema.ts), checked here first for a quicker answer.
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;
export const PHONE_PATTERN = /^[0-9+\- ]{5,20}$/;

/** Creates a staff account with an initial password and, optionally, a first role. */
export function PersonCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (person: Person) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const wholePlatform = me.assignments.some((assignment) => SYSTEM_ROLES.includes(assignment.role));

  async function onSubmit(values: CreateValues) {
    const assignment = values.assignment ? toAssignmentInput(values.assignment) : null;
    const person = await createPerson({
      username: values.username.trim(),
      name: values.name.trim(),
      phone: values.phone?.trim() || undefined,
      password: values.password,
      assignments: assignment ? [assignment] : undefined,
    });
    void message.success(t('people.created'));
    onCreated(person);
  }

  return (
    <FormModal<CreateValues> title={t('people.createTitle')} onClose={onClose} onSubmit={onSubmit} width={560} autoComplete="off">
      <Form.Item
        name="username"
        label={t('people.username')}
        normalize={(value?: string) => value?.toLowerCase()}
        rules={[
          { required: true, message: t('people.usernameRequired') },
          { pattern: USERNAME_PATTERN, message: t('people.usernamePattern') },
        ]}
      >
        <Input maxLength={32} autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="phone" label={t('people.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('people.phoneInvalid') }]}>
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <PasswordFields label={t('people.password')} />
      <Divider style={{ margin: '8px 0 16px' }} />
      {/* Outside the whole-platform scope of the security administrator, a new person needs a role
          in the creator's scope, or the creator could not see them afterwards (ASSIGNMENT_REQUIRED). */}
      <AssignmentFields label={t('people.initialRole')} optional={wholePlatform} prefix={['assignment']} />
    </FormModal>
  );
}
