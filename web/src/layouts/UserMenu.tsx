import { App, Avatar, Dropdown, Flex, Typography } from 'antd';
import { LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../app/auth';
import { roleLabel } from '../app/role-label';

/** The header's person: name and roles at a glance, roles in full and sign-out in the dropdown. */
export function UserMenu({ compact }: { compact: boolean }) {
  const me = useMe();
  const { signOut } = useAuth();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const roles = me.assignments.map((assignment) => roleLabel(t, assignment));
  const firstRole = me.assignments[0] ? t(`roles.${me.assignments[0].role}`) : t('header.noRole');

  async function onLogout() {
    try {
      await signOut();
    } finally {
      navigate('/login', { replace: true });
      void message.success(t('header.loggedOut'));
    }
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...(compact ? [{ key: 'name', icon: <UserOutlined />, label: me.name, disabled: true }] : []),
          ...(roles.length ? roles : [t('header.noRole')]).map((label, index) => ({
            key: `role-${index}`,
            icon: <SafetyCertificateOutlined />,
            label,
            disabled: true,
          })),
          { type: 'divider' as const },
          { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') void onLogout();
        },
      }}
    >
      <Flex align="center" gap={8} style={{ cursor: 'pointer', padding: '0 8px' }} data-testid="user-menu" role="button">
        <Avatar size="small" style={{ background: '#1f63d6' }} icon={<UserOutlined />} />
        {compact ? null : (
          <Flex vertical style={{ lineHeight: 1.25 }}>
            <Typography.Text strong>{me.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {firstRole}
              {me.assignments.length > 1 ? ` +${me.assignments.length - 1}` : ''}
            </Typography.Text>
          </Flex>
        )}
      </Flex>
    </Dropdown>
  );
}
