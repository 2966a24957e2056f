import { DotLoading, ErrorBlock, List, NavBar } from 'antd-mobile';
import { useRoutineT } from './useRoutineT';
import { classTimetable } from './routine.api';
import { ChildPicker } from './ChildPicker';
import { RoutineNav } from './RoutineNav';
import { useLoad, useRoutineChild } from './useRoutine';

/** 日常 › 课程表: the class's week, a list per weekday. */
export default function TimetablePage() {
  const t = useRoutineT();
  const { children, child, choose, loading } = useRoutineChild();
  const week = useLoad((signal) => (child ? classTimetable(child.classId, signal) : Promise.resolve(null)), [child?.classId]);
  const weekdays = [...new Set((week.data?.lessons ?? []).map((l) => l.weekday))].sort();
  return (
    <div>
      <NavBar back={null}>{t('routine.title')}</NavBar>
      <RoutineNav current="timetable" />
      <ChildPicker kids={children} value={child?.id ?? null} onChange={choose} />
      {(loading || (!week.data && !week.error && child)) && <DotLoading />}
      {week.error && <ErrorBlock status="default" title={week.error} />}
      {week.data && weekdays.length === 0 && <ErrorBlock status="empty" title={t('routine.today.noTimetable')} />}
      {weekdays.map((wd) => (
        <List key={wd} header={t(`routine.weekday.${wd}`)}>
          {week.data!.lessons.filter((l) => l.weekday === wd).map((l) => (
            <List.Item key={l.period} prefix={<span style={{ color: '#888' }}>{t('routine.period', { n: l.period })}</span>}
              description={`${l.startsAt}–${l.endsAt}`} extra={l.teacherName}>
              {l.subject}
            </List.Item>
          ))}
        </List>
      ))}
    </div>
  );
}
