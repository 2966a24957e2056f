import { DotLoading, ErrorBlock, List, NavBar, Tag } from 'antd-mobile';
import { useRoutineT } from './useRoutineT';
import { childSchoolCalendar } from './routine.api';
import { ChildPicker } from './ChildPicker';
import { RoutineNav } from './RoutineNav';
import { useLoad, useRoutineChild } from './useRoutine';

/** 日常 › 校历: the school's terms, and its holidays and 调休 working days ahead. */
export default function CalendarPage() {
  const t = useRoutineT();
  const { children, child, choose } = useRoutineChild();
  const cal = useLoad((signal) => (child ? childSchoolCalendar(child.id, signal) : Promise.resolve(null)), [child?.id]);
  return (
    <div>
      <NavBar back={null}>{t('routine.title')}</NavBar>
      <RoutineNav current="calendar" />
      <ChildPicker kids={children} value={child?.id ?? null} onChange={choose} />
      {!cal.data && !cal.error && child && <DotLoading />}
      {cal.error && <ErrorBlock status="default" title={cal.error} />}
      {cal.data && (
        <>
          <List header={t('routine.calendar.terms', { school: cal.data.child.schoolName })}>
            {cal.data.terms.length === 0 && <List.Item>{t('routine.calendar.noTerms')}</List.Item>}
            {cal.data.terms.map((term) => <List.Item key={term.name} extra={`${term.startsOn} – ${term.endsOn}`}>{term.name}</List.Item>)}
          </List>
          <List header={t('routine.calendar.days')}>
            {cal.data.days.length === 0 && <List.Item>{t('routine.calendar.noDays')}</List.Item>}
            {cal.data.days.map((d) => (
              <List.Item key={d.day} description={d.timetableWeekday !== null && d.reason === 'makeup_workday' ? t('routine.calendar.follows', { weekday: t(`routine.weekday.${d.timetableWeekday}`) }) : undefined}
                extra={<Tag color={d.schoolDay ? 'warning' : 'success'}>{d.schoolDay ? t('routine.calendar.workday') : t('routine.calendar.off')}</Tag>}>
                {d.day} {d.name ?? t(`routine.reason.${d.reason}`, { name: '' })}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}
