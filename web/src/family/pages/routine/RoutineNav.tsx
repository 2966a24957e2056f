import { Tabs } from 'antd-mobile';
import { useLocation, useNavigate } from 'react-router';
import { useRoutineT } from './useRoutineT';

const TABS = ['today', 'timetable', 'calendar'] as const;

/** The three views of 日常: today, the week's timetable, the school calendar (keeps ?child=). */
export function RoutineNav({ current }: { current: (typeof TABS)[number] }) {
  const t = useRoutineT();
  const navigate = useNavigate();
  const { search } = useLocation();
  return (
    <Tabs activeKey={current} onChange={(k) => navigate(`/routine${k === 'today' ? '' : `/${k}`}${search}`)}>
      {TABS.map((k) => <Tabs.Tab key={k} title={t(`routine.tabs.${k}`)} />)}
    </Tabs>
  );
}
