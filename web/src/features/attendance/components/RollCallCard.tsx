import { App, Button, Card, DatePicker, Flex, Segmented, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayStatus, MarkRequest } from '@shared/attendance-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { markClass, rollCall } from '../api/attendance.api';

type Choice = 'present' | 'late' | 'absent';
export const STATUS_COLOR: Record<DayStatus, string> = { present: 'green', late: 'orange', absent: 'red', on_leave: 'blue' };

/** 晨检点名: one screen per class, everyone present unless tapped late or absent, then one save. */
export function RollCallCard({ classId }: { classId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [day, setDay] = useState<Dayjs>(dayjs());
  const roll = useApi((signal) => rollCall(classId, day.format('YYYY-MM-DD'), signal), [classId, day]);
  const [choice, setChoice] = useState<Record<number, Choice>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => setChoice({}), [classId, day]);

  const current = (id: number, status: DayStatus | null): Choice | 'on_leave' => choice[id] ?? (status === 'on_leave' ? 'on_leave' : status ?? 'present');

  async function save() {
    if (!roll.data) return;
    // What the screen shows is what is saved: earlier marks (late, absent) stay unless tapped otherwise.
    const exceptions: MarkRequest['exceptions'] = roll.data.items.flatMap((r) => {
      const c = current(r.studentId, r.status);
      return c === 'late' || c === 'absent' || (c === 'present' && r.status === 'on_leave') ? [{ studentId: r.studentId, status: c }] : [];
    });
    setSaving(true);
    try {
      const r = await markClass(classId, { day: day.format('YYYY-MM-DD'), exceptions });
      message.success(t('attendance.saved', { present: r.present, late: r.late, absent: r.absent, onLeave: r.onLeave }));
      roll.reload();
      setChoice({});
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={roll.data ? `${roll.data.className} · ${t('attendance.rollCall')}` : t('attendance.rollCall')}
      extra={<DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />}>
      {roll.error ? <ErrorAlert error={roll.error} onRetry={roll.reload} /> : null}
      {roll.data && !roll.data.schoolDay ? <Typography.Text type="secondary">{t('attendance.notSchoolDay')}</Typography.Text> : null}
      {roll.data?.schoolDay ? (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('attendance.rollHint')}</Typography.Text>
          <Table size="small" rowKey="studentId" pagination={false} dataSource={roll.data.items} columns={[
            { title: t('attendance.studentNo'), dataIndex: 'studentNo', width: 120 },
            { title: t('attendance.name'), dataIndex: 'name' },
            { title: t('attendance.arrivedAt'), dataIndex: 'arrivedAt', render: (v: string | null) => (v ? dayjs(v).format('HH:mm') : '—') },
            {
              title: t('attendance.status'), key: 'status',
              render: (_: unknown, r) => {
                const c = current(r.studentId, r.status);
                if (c === 'on_leave' && !choice[r.studentId]) return <Tag color="blue">{t('attendance.statuses.on_leave')}</Tag>;
                return (
                  <Segmented size="small" value={c === 'on_leave' ? 'present' : c}
                    onChange={(v) => setChoice((m) => ({ ...m, [r.studentId]: v as Choice }))}
                    options={(['present', 'late', 'absent'] as const).map((s) => ({ value: s, label: t(`attendance.statuses.${s}`) }))} />
                );
              },
            },
          ]} />
          <Button type="primary" loading={saving} onClick={save}>{t('attendance.save')}</Button>
        </Flex>
      ) : null}
    </Card>
  );
}
