import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Switches between today's wall and the statistics (two routes, one menu item). */
export function PatrolTabs({ active }: { active: 'wall' | 'stats' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key === 'stats' ? '/patrol/stats' : '/patrol')}
      items={[
        { key: 'wall', label: t('patrol.wallTab') },
        { key: 'stats', label: t('patrol.statsTab') },
      ]}
      style={{ marginBottom: 8 }}
    />
  );
}
