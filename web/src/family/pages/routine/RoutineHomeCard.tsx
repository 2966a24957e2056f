import { Card } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useRoutineT } from './useRoutineT';
import type { FamilyChildView } from '../../family-types';
import { childDay } from './routine.api';
import { LimitBar } from './LimitBar';
import { useLoad } from './useRoutine';

/** 今日课程与作业: on the home page, per child — how many lessons (or why none) and the day's homework minutes. */
// Kindergartens keep no timetable of lessons and give no homework: no card for their children.
export default function RoutineHomeCard({ child }: { child: FamilyChildView }) {
  return child.schoolKind === 'kindergarten' ? null : <RoutineHomeCardBody child={child} />;
}

function RoutineHomeCardBody({ child }: { child: FamilyChildView }) {
  const t = useRoutineT();
  const navigate = useNavigate();
  const { data } = useLoad((signal) => childDay(child.id, undefined, signal), [child.id]);
  return (
    <Card title={t('routine.card.title')} extra={child.label} onClick={() => navigate(`/routine?child=${child.id}`)}>
      {!data ? '…' : (
        <>
          <div style={{ marginBottom: 8 }}>
            {data.schoolDay
              ? t('routine.card.lessons', { n: data.lessons.length, first: data.lessons[0] ? `${data.lessons[0].startsAt} ${data.lessons[0].subject}` : '—' })
              : t(`routine.reason.${data.reason}`, { name: data.reasonName ?? '' })}
          </div>
          <div style={{ marginBottom: 8 }}>{t('routine.card.homework', { n: data.homework.length })}</div>
          <LimitBar minutes={data.writtenMinutes} limit={data.writtenLimit} />
        </>
      )}
    </Card>
  );
}
