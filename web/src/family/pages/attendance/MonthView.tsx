import { Button, Card, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import type { ChildMonth } from '@shared/attendance-api-types';
import { STATUS_COLOR, childMonth, shanghaiTime, shanghaiToday } from './attendance-api';
import { useText } from './use-text';

const shift = (month: string, n: number) => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
};

/** A child's month: one cell per day, coloured by status, the arrival time under it. */
export function MonthView({ studentId }: { studentId: number }) {
  const tx = useText();
  const [month, setMonth] = useState(shanghaiToday().slice(0, 7));
  const [data, setData] = useState<ChildMonth | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    childMonth(studentId, month, ctl.signal).then(setData, () => setData(null));
    return () => ctl.abort();
  }, [studentId, month]);
  // Monday-first grid: blank cells before the 1st.
  const first = new Date(`${month}-01T00:00:00Z`).getUTCDay();
  const blanks = (first + 6) % 7;
  return (
    <Card title={`${tx('month')} · ${month}`} extra={
      <span style={{ display: 'flex', gap: 4 }}>
        <Button size="mini" onClick={() => setMonth(shift(month, -1))}>‹</Button>
        <Button size="mini" disabled={month >= shanghaiToday().slice(0, 7)} onClick={() => setMonth(shift(month, 1))}>›</Button>
      </span>
    }>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 4, textAlign: 'center', fontSize: 12 }}>
        {['一', '二', '三', '四', '五', '六', '日'].map((d) => <div key={d} style={{ color: 'var(--adm-color-weak)' }}>{d}</div>)}
        {Array.from({ length: blanks }, (_, i) => <div key={`b${i}`} />)}
        {data?.items.map((d) => (
          <div key={d.day} style={{ minHeight: 44, opacity: d.schoolDay ? 1 : 0.4 }}>
            <div>{Number(d.day.slice(8))}</div>
            {d.status ? <Tag color={STATUS_COLOR[d.status]} fill="outline" style={{ fontSize: 10 }}>{tx(`statuses.${d.status}`)}</Tag> : null}
            {d.arrivedAt ? <div style={{ fontSize: 10, color: 'var(--adm-color-weak)' }}>{shanghaiTime(d.arrivedAt)}</div> : null}
          </div>
        ))}
      </div>
      {data ? <div style={{ marginTop: 8, fontSize: 13 }}>{tx('counts', data.counts)}</div> : null}
    </Card>
  );
}
