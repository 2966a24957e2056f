import { Button, List, NavBar, Tabs, Tag } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Leaves, MyToday } from '@shared/attendance-api-types';
import { myLeaves, myToday, withdrawLeave } from './attendance-api';
import { LeaveForm } from './LeaveForm';
import { MonthView } from './MonthView';
import { useText } from './use-text';

/** 到校与请假 (/family/attendance): each child's month of mornings, a leave form, and my requests. */
export default function AttendancePage() {
  const tx = useText();
  const navigate = useNavigate();
  const [kids, setKids] = useState<MyToday['items']>([]);
  const [leaves, setLeaves] = useState<Leaves['items']>([]);
  const loadLeaves = useCallback(() => { myLeaves().then((r) => setLeaves(r.items), () => setLeaves([])); }, []);
  useEffect(() => {
    myToday().then((r) => setKids(r.items), () => setKids([]));
    loadLeaves();
  }, [loadLeaves]);

  return (
    <div style={{ minHeight: '100vh', background: 'var(--adm-color-box)' }}>
      <NavBar onBack={() => navigate(-1)}>{tx('title')}</NavBar>
      {kids.length === 0 ? <div style={{ padding: 24, textAlign: 'center' }}>{tx('noChildren')}</div> : (
        <Tabs>
          {kids.map((k) => (
            <Tabs.Tab key={k.studentId} title={k.label}>
              <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
                <MonthView studentId={k.studentId} />
                <LeaveForm studentId={k.studentId} onSent={loadLeaves} />
              </div>
            </Tabs.Tab>
          ))}
        </Tabs>
      )}
      <List header={tx('myRequests')}>
        {leaves.length === 0 ? <List.Item>{tx('none')}</List.Item> : null}
        {leaves.map((l) => (
          <List.Item key={l.id} description={`${l.from === l.to ? l.from : `${l.from} ~ ${l.to}`} ${tx(`parts.${l.part}`)} ${tx(`reasons.${l.reason}`)}${l.note ? ` · ${l.note}` : ''}`}
            extra={l.status === 'pending' ? <Button size="mini" onClick={() => withdrawLeave(l.id).then(loadLeaves, loadLeaves)}>{tx('withdraw')}</Button> : null}>
            {l.label} <Tag color={l.status === 'approved' ? 'success' : l.status === 'pending' ? 'warning' : 'default'}>{tx(`leaveStatuses.${l.status}`)}</Tag>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
