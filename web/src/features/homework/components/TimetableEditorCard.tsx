import { Button, Card, Input, InputNumber, Select, Space, Table, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '@shared/routine-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { classTimetable, saveTimetable } from '../api/homework.api';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** 课程表: the class's weekly timetable as rows (weekday, period, times, subject, teacher), saved at once. */
export function TimetableEditorCard({ classId }: { classId: number }) {
  const { t } = useTranslation();
  const loaded = useApi((signal) => classTimetable(classId, signal), [classId]);
  const [rows, setRows] = useState<(Lesson & { key: number })[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => { setRows((loaded.data?.lessons ?? []).map((l, i) => ({ ...l, key: i }))); }, [loaded.data]);

  const edit = (key: number, patch: Partial<Lesson>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => setRows((rs) => {
    const last = rs[rs.length - 1];
    const key = Math.max(0, ...rs.map((r) => r.key)) + 1;
    return [...rs, { key, weekday: last?.weekday ?? 1, period: (last?.period ?? 0) + 1, startsAt: '08:00', endsAt: '08:40', subject: '', teacherName: '' }];
  });

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const saved = await saveTimetable(classId, rows.map(({ key: _key, ...l }) => l));
      void message.success(t('homework.timetable.saved', { n: saved.lessons }));
      loaded.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('homework.timetable.title')} extra={<Space><Button onClick={add}>{t('homework.timetable.add')}</Button><Button type="primary" loading={saving} onClick={save}>{t('homework.timetable.save')}</Button></Space>}>
      {loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <Table rowKey="key" size="small" pagination={false} dataSource={rows} columns={[
        { title: t('homework.timetable.weekday'), width: 110, render: (_, r) => <Select value={r.weekday} style={{ width: 96 }} onChange={(v) => edit(r.key, { weekday: v })} options={WEEKDAYS.map((d) => ({ value: d, label: t(`homework.weekday.d${d}`) }))} /> },
        { title: t('homework.timetable.period'), width: 80, render: (_, r) => <InputNumber min={1} max={12} value={r.period} onChange={(v) => edit(r.key, { period: v ?? 1 })} /> },
        { title: t('homework.timetable.startsAt'), width: 90, render: (_, r) => <Input value={r.startsAt} maxLength={5} onChange={(e) => edit(r.key, { startsAt: e.target.value })} /> },
        { title: t('homework.timetable.endsAt'), width: 90, render: (_, r) => <Input value={r.endsAt} maxLength={5} onChange={(e) => edit(r.key, { endsAt: e.target.value })} /> },
        { title: t('homework.field.subject'), render: (_, r) => <Input value={r.subject} maxLength={20} onChange={(e) => edit(r.key, { subject: e.target.value })} /> },
        { title: t('homework.timetable.teacher'), render: (_, r) => <Input value={r.teacherName} maxLength={20} onChange={(e) => edit(r.key, { teacherName: e.target.value })} /> },
        { title: '', width: 60, render: (_, r) => <Button type="link" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>{t('homework.timetable.remove')}</Button> },
      ]} />
    </Card>
  );
}
