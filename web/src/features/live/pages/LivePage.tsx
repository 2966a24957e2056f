import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { ClassesTab } from '../schedule/ClassesTab';
import { PatrolWall } from '../schedule/PatrolWall';
import { TodayTab } from '../schedule/TodayTab';

/** Who watches the patrol wall: principals, county and city staff, 督学 (teachers teach or take classes). */
const PATROL_ROLES = new Set(['principal', 'county_admin', 'dept_staff', 'city_admin', 'inspector', 'researcher']);

/**
 * 互动课堂 (/live): today's live classes and the way into each, the schedule (排课) and, for those
 * who patrol, a wall of the classes on air now.
 */
export default function LivePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const patrols = me.assignments.some((a) => PATROL_ROLES.has(a.role));
  const items = [
    { key: 'today', label: t('liveSchedule.tabs.today'), children: <TodayTab /> },
    { key: 'classes', label: t('liveSchedule.tabs.classes'), children: <ClassesTab /> },
    ...(patrols ? [{ key: 'patrol', label: t('liveSchedule.tabs.patrol'), children: <PatrolWall /> }] : []),
  ];
  return (
    <>
      <PageHeader title={t('liveSchedule.title')} note={t('liveSchedule.note')} />
      <Tabs activeKey={params.get('tab') ?? 'today'} onChange={(k) => setParams({ tab: k }, { replace: true })} items={items} destroyOnHidden />
    </>
  );
}
