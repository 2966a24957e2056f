import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Empty, Flex, Grid, List, Popconfirm, Spin, Typography } from 'antd';
import { KeyOutlined, PlusOutlined, SafetyCertificateOutlined, StopOutlined, CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RoleAssignmentView } from '@shared/domain';
import type { Person } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { roleLabel } from '../../../app/role-label';
import { getPerson, removeAssignment, updatePerson } from '../api/people.api';
import { AssignmentModal } from './AssignmentModal';
import { PasswordModal } from './PasswordModal';
import { PersonEditModal } from './PersonEditModal';
import { PersonStatus } from './PersonStatus';

type Dialog = 'edit' | 'password' | 'assignment' | null;

/** One person: details and role assignments, and (with person:write) the actions on them. */
export function PersonDrawer({ personId, onClose, onChanged }: { personId: number; onClose: () => void; onChanged: () => void }) {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const screens = Grid.useBreakpoint();
  const { data: person, error, loading, reload } = useApi((signal) => getPerson(personId, signal), [personId]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const writable = can(me, 'person:write');

  function changed() {
    setDialog(null);
    reload();
    onChanged();
  }

  async function act(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      void message.success(done);
      changed();
    } catch (reason) {
      void message.error(errorText(reason));
    }
  }

  const toggleDisabled = (target: Person) =>
    act(() => updatePerson(target.id, { disabled: !target.disabled }), target.disabled ? t('people.enabledDone') : t('people.disabledDone'));

  const dropAssignment = (target: Person, assignment: RoleAssignmentView) =>
    act(() => removeAssignment(target.id, assignment.id), t('people.assignmentRemoved'));

  return (
    <Drawer
      open
      onClose={onClose}
      title={person ? person.name : t('people.detail')}
      size={screens.md ? 520 : '100%'}
      destroyOnHidden
      data-testid="person-drawer"
    >
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {!person ? (
        loading ? <Spin /> : null
      ) : (
        <Flex vertical gap={24}>
          {writable ? (
            <Flex wrap gap={8}>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
              <Button icon={<KeyOutlined />} onClick={() => setDialog('password')}>
                {t('people.resetPassword')}
              </Button>
              <Popconfirm
                title={person.disabled ? t('people.enableConfirm', { name: person.name }) : t('people.disableConfirm', { name: person.name })}
                onConfirm={() => toggleDisabled(person)}
                okButtonProps={{ danger: !person.disabled }}
              >
                <Button danger={!person.disabled} icon={person.disabled ? <CheckCircleOutlined /> : <StopOutlined />}>
                  {person.disabled ? t('people.enable') : t('people.disable')}
                </Button>
              </Popconfirm>
            </Flex>
          ) : null}
          <Descriptions
            title={t('people.basicInfo')}
            column={1}
            bordered
            size="small"
            items={[
              { key: 'username', label: t('people.username'), children: person.username },
              { key: 'name', label: t('people.name'), children: person.name },
              { key: 'phone', label: t('people.phone'), children: person.phone || '—' },
              { key: 'kind', label: t('people.kind'), children: t(`people.kinds.${person.kind}`) },
              { key: 'status', label: t('people.status'), children: <PersonStatus person={person} /> },
            ]}
          />
          <div>
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('people.assignments')}
              </Typography.Title>
              {writable ? (
                <Button type="link" icon={<PlusOutlined />} onClick={() => setDialog('assignment')}>
                  {t('people.addAssignment')}
                </Button>
              ) : null}
            </Flex>
            {person.assignments.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.noAssignments')} />
            ) : (
              <List
                bordered
                size="small"
                dataSource={person.assignments}
                renderItem={(assignment) => (
                  <List.Item
                    actions={
                      writable
                        ? [
                            <Popconfirm
                              key="remove"
                              title={t('people.removeAssignmentConfirm', { role: t(`roles.${assignment.role}`) })}
                              onConfirm={() => dropAssignment(person, assignment)}
                              okButtonProps={{ danger: true }}
                            >
                              <Button type="link" danger size="small">
                                {t('people.removeAssignment')}
                              </Button>
                            </Popconfirm>,
                          ]
                        : undefined
                    }
                  >
                    <Flex gap={8} align="center">
                      <SafetyCertificateOutlined style={{ color: '#1f63d6' }} />
                      {roleLabel(t, assignment)}
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </div>
        </Flex>
      )}
      {person && dialog === 'edit' ? <PersonEditModal person={person} onClose={() => setDialog(null)} onSaved={changed} /> : null}
      {person && dialog === 'password' ? <PasswordModal person={person} onClose={() => setDialog(null)} /> : null}
      {person && dialog === 'assignment' ? <AssignmentModal person={person} onClose={() => setDialog(null)} onAdded={changed} /> : null}
    </Drawer>
  );
}
