import { Card, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MyToday } from '@shared/attendance-api-types';
import type { FamilyChildView } from '../../family-types';
import { STATUS_COLOR, myToday, shanghaiTime } from './attendance-api';
import { useText } from './use-text';

/** 今日到校: the home card of one child — arrived (and when), late, not yet, on leave, or no school today. */
// A kindergarten child's arrival is on the kindergarten card (入园/离园), not a school roll call.
export default function TodayCard({ child }: { child: FamilyChildView }) {
  return child.schoolKind === 'kindergarten' ? null : <TodayCardBody child={child} />;
}

function TodayCardBody({ child }: { child: FamilyChildView }) {
  const tx = useText();
  const navigate = useNavigate();
  const [today, setToday] = useState<MyToday['items'][number] | null | undefined>(undefined);
  useEffect(() => {
    const ctl = new AbortController();
    myToday(ctl.signal).then((r) => setToday(r.items.find((i) => i.studentId === child.id) ?? null), () => setToday(null));
    return () => ctl.abort();
  }, [child.id]);

  let text = '…';
  if (today === null) text = tx('unknown');
  else if (today && !today.schoolDay) text = tx('notSchoolDay');
  else if (today) text = today.status ? tx(`statuses.${today.status}`) : tx('unknown');
  return (
    <Card title={tx('today')} extra={<span style={{ color: 'var(--adm-color-weak)' }}>{child.label}</span>} onClick={() => navigate('/attendance')}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, fontSize: 16 }}>
        {today?.status ? <Tag color={STATUS_COLOR[today.status]}>{text}</Tag> : <span>{text}</span>}
        {today?.arrivedAt ? <span>{tx('arrivedAt', { time: shanghaiTime(today.arrivedAt) })}</span> : null}
      </div>
      <div style={{ marginTop: 8, color: 'var(--adm-color-primary)' }}>{tx('more')} ›</div>
    </Card>
  );
}
