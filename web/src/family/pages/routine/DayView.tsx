import { List, Tag } from 'antd-mobile';
import { useRoutineT } from './useRoutineT';
import type { ChildDay } from '@shared/routine-api-types';
import { LimitBar } from './LimitBar';

/** Why a day has no lessons, or which weekday's timetable a 调休 day runs. */
export function DayNote({ day }: { day: ChildDay }) {
  const t = useRoutineT();
  if (!day.schoolDay) {
    return <div style={{ padding: 12, color: '#888' }}>{t(`routine.reason.${day.reason}`, { name: day.reasonName ?? '' })}</div>;
  }
  if (day.reason === 'makeup_workday' && day.timetableWeekday !== null) {
    return <div style={{ padding: 12, color: '#d46b08' }}>{t('routine.makeup', { name: day.reasonName ?? '', weekday: t(`routine.weekday.${day.timetableWeekday}`) })}</div>;
  }
  return null;
}

/** A child's lessons and homework of a day, with the written minutes against the limit. */
export function DayView({ day }: { day: ChildDay }) {
  const t = useRoutineT();
  return (
    <>
      <DayNote day={day} />
      {day.schoolDay && (
        <List header={t('routine.today.lessons')}>
          {day.lessons.length === 0 && <List.Item>{t('routine.today.noTimetable')}</List.Item>}
          {day.lessons.map((l) => (
            <List.Item key={l.period} prefix={<span style={{ color: '#888', width: 48, display: 'inline-block' }}>{t('routine.period', { n: l.period })}</span>}
              description={`${l.startsAt}–${l.endsAt}`} extra={l.teacherName}>
              {l.subject}
            </List.Item>
          ))}
        </List>
      )}
      <List header={t('routine.today.homework')}>
        {day.homework.length === 0 && <List.Item>{t('routine.today.noHomework')}</List.Item>}
        {day.homework.map((h) => (
          <List.Item key={h.id} description={h.content} extra={t('routine.minutes', { n: h.minutes })}>
            {h.subject} <Tag color={h.kind === 'written' ? 'primary' : 'success'} fill="outline">{t(`routine.kind.${h.kind}`)}</Tag>
          </List.Item>
        ))}
        <List.Item><LimitBar minutes={day.writtenMinutes} limit={day.writtenLimit} /></List.Item>
      </List>
    </>
  );
}
