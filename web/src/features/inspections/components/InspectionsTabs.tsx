import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Switches between the visits and their follow-ups (two routes, one menu item). */
export function InspectionsTabs({ active }: { active: 'visits' | 'followUps' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key === 'followUps' ? '/inspections/follow-ups' : '/inspections')}
      items={[
        { key: 'visits', label: t('inspections.visitsTab') },
        { key: 'followUps', label: t('inspections.followUpsTab') },
      ]}
      style={{ marginBottom: 8 }}
    />
  );
}
