import { DotLoading, ErrorBlock, NavBar } from 'antd-mobile';
import { useRoutineT } from './useRoutineT';
import { childDay } from './routine.api';
import { ChildPicker } from './ChildPicker';
import { DayView } from './DayView';
import { RoutineNav } from './RoutineNav';
import { useLoad, useRoutineChild } from './useRoutine';

/** 日常 › 今日: the child's lessons today as the school calendar has them, and today's homework. */
export default function TodayPage() {
  const t = useRoutineT();
  const { children, child, choose, loading, error } = useRoutineChild();
  const day = useLoad((signal) => (child ? childDay(child.id, undefined, signal) : Promise.resolve(null)), [child?.id]);
  return (
    <div>
      <NavBar back={null}>{t('routine.title')}</NavBar>
      <RoutineNav current="today" />
      <ChildPicker kids={children} value={child?.id ?? null} onChange={choose} />
      {loading && <DotLoading />}
      {error && <ErrorBlock status="default" title={error} />}
      {!loading && !error && !child && <ErrorBlock status="empty" title={t('routine.noChild')} />}
      {day.error && <ErrorBlock status="default" title={day.error} />}
      {day.data && (
        <>
          <div style={{ padding: '8px 12px', fontWeight: 500 }}>{day.data.child.label} · {day.data.day}</div>
          <DayView day={day.data} />
        </>
      )}
    </div>
  );
}
