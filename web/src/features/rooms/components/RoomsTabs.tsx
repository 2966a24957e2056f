import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Switches between the overview by status and the list of rooms (two routes, one menu item). */
export function RoomsTabs({ active }: { active: 'overview' | 'list' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key === 'overview' ? '/rooms/overview' : '/rooms')}
      items={[
        { key: 'list', label: t('rooms.listTab') },
        { key: 'overview', label: t('rooms.overviewTab') },
      ]}
      style={{ marginBottom: 8 }}
    />
  );
}
