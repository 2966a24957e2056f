import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { toQueryString } from '../../../api/client';

export type RolloutTab = 'progress' | 'schools' | 'overdue' | 'batches';
const PATHS: Record<RolloutTab, string> = { progress: '/rollout', schools: '/rollout/schools', overdue: '/rollout/overdue', batches: '/rollout/batches' };

/**
 * Progress per county, the programme schools, the overdue list, the city's batches and deadlines:
 * four routes, one menu item; the day and county carry over.
 */
export function RolloutTabs({ active }: { active: RolloutTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const keep = { asOf: params.get('asOf') ?? undefined, countyId: params.get('countyId') ?? undefined, batch: params.get('batch') ?? undefined };
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(`${PATHS[key as RolloutTab]}${toQueryString(keep)}`)}
      items={(Object.keys(PATHS) as RolloutTab[]).map((key) => ({ key, label: t(`rollout.tabs.${key}`) }))}
      style={{ marginBottom: 8 }}
    />
  );
}
