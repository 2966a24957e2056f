import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RoomDetail, TimetableLesson } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { listGrades } from '../../schools/api/schools.api';
import { getTimetable, saveTimetable } from '../api/rooms.api';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

type LessonValues = Omit<TimetableLesson, 'classId'> & { classId?: number | null };

const byTime = (a: TimetableLesson, b: TimetableLesson) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt);

/** "HH:MM" plus minutes, capped at 23:59. */
function addMinutes(hhmm: string, minutes: number): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The room's weekly timetable: a week at a glance, and (with room:write) an editor. The platform
 * warns the school and the county when the room is offline shortly before one of these lessons.
 */
export function TimetableCard({ room, writable }: { room: RoomDetail; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const timetable = useApi((signal) => getTimetable(room.id, signal), [room.id]);
  const grades = useApi((signal) => listGrades(room.schoolId, signal), [room.schoolId]);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ lessons: LessonValues[] }>();

  const classOptions = useMemo(
    () => (grades.data ?? []).flatMap((grade) => grade.classes.map((klass) => ({ value: klass.id, label: `${grade.name}${klass.name}` }))),
    [grades.data],
  );
  const className = (id: number | null) => classOptions.find((option) => option.value === id)?.label;
  const lessons = [...(timetable.data?.lessons ?? [])].sort(byTime);
  const weekend = lessons.some((lesson) => lesson.weekday > 5);
  const days = WEEKDAYS.filter((day) => day <= 5 || weekend);

  async function onFinish(values: { lessons?: LessonValues[] }) {
    setSaving(true);
    setError(null);
    try {
      const body = (values.lessons ?? []).map((lesson) => ({
        ...lesson,
        subject: lesson.subject?.trim() ?? '',
        grade: lesson.grade?.trim() ?? '',
        teacher: lesson.teacher?.trim() ?? '',
        classId: lesson.classId ?? null,
      }));
      await saveTimetable(room.id, body);
      void message.success(t('common.saved'));
      setEditing(false);
      timetable.reload();
    } catch (reason) {
      setError(reason);
    } finally {
      setSaving(false);
    }
  }

  function addLesson() {
    const current: LessonValues[] = form.getFieldValue('lessons') ?? [];
    const last = current[current.length - 1];
    const startsAt = last ? addMinutes(last.endsAt, 10) : '08:00';
    form.setFieldValue('lessons', [...current, { weekday: last?.weekday ?? 1, startsAt, endsAt: addMinutes(startsAt, 40), subject: '', grade: '', classId: null, teacher: '' }]);
  }

  const edit = (
    <Button icon={<EditOutlined />} onClick={() => { form.setFieldsValue({ lessons }); setEditing(true); }} data-testid="edit-timetable">
      {t('timetable.edit')}
    </Button>
  );

  return (
    <Card variant="borderless" title={t('timetable.title')} extra={writable && !editing ? edit : null}>
      {timetable.error ? <ErrorAlert error={timetable.error} onRetry={timetable.reload} /> : null}
      {editing ? (
        <Form form={form} onFinish={onFinish} layout="vertical" data-testid="timetable-editor">
          {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} role="alert" /> : null}
          <Typography.Paragraph type="secondary">{t('timetable.help')}</Typography.Paragraph>
          <Form.List name="lessons">
            {(fields, { remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field) => (
                  <Flex key={field.key} wrap gap={8} align="flex-start">
                    <Form.Item name={[field.name, 'weekday']} rules={[{ required: true }]} style={{ margin: 0, width: 90 }}>
                      <Select aria-label={t('timetable.weekday')} options={WEEKDAYS.map((day) => ({ value: day, label: t(`timetable.weekdays.${day}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'startsAt']} rules={[{ required: true, pattern: HH_MM, message: t('timetable.timeInvalid') }]} style={{ margin: 0, width: 110 }}>
                      <Input type="time" aria-label={t('timetable.startsAt')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'endsAt']} rules={[{ required: true, pattern: HH_MM, message: t('timetable.timeInvalid') }]} style={{ margin: 0, width: 110 }}>
                      <Input type="time" aria-label={t('timetable.endsAt')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'subject']} style={{ margin: 0, width: 100 }}>
                      <Input maxLength={20} placeholder={t('timetable.subject')} aria-label={t('timetable.subject')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'grade']} style={{ margin: 0, width: 100 }}>
                      <Input maxLength={20} placeholder={t('timetable.grade')} aria-label={t('timetable.grade')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'classId']} style={{ margin: 0, width: 150 }}>
                      <Select allowClear placeholder={t('timetable.class')} aria-label={t('timetable.class')} options={classOptions} loading={grades.loading} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'teacher']} style={{ margin: 0, width: 110 }}>
                      <Input maxLength={30} placeholder={t('timetable.teacher')} aria-label={t('timetable.teacher')} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('timetable.remove')} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={addLesson} style={{ width: 'fit-content' }} data-testid="add-lesson">
                  {t('timetable.add')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Flex gap={8} style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="save-timetable">
              {t('common.save')}
            </Button>
            <Button onClick={() => { setEditing(false); setError(null); }}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      ) : lessons.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timetable.empty')} />
      ) : (
        <div className="week-grid" data-testid="timetable-week">
          {days.map((day) => (
            <div key={day} className="week-day">
              <Typography.Text strong>{t(`timetable.weekdays.${day}`)}</Typography.Text>
              {lessons
                .filter((lesson) => lesson.weekday === day)
                .map((lesson) => (
                  <div key={`${lesson.weekday}-${lesson.startsAt}`} className="week-lesson">
                    <div className="week-lesson-time">{lesson.startsAt}–{lesson.endsAt}</div>
                    <div>{[lesson.subject, lesson.grade].filter(Boolean).join(' · ') || t('timetable.untitled')}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[className(lesson.classId), lesson.teacher].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </div>
                ))}
            </div>
          ))}
        </div>
      )}
      {!editing && timetable.data?.held?.length ? (
        <Flex vertical gap={4} style={{ marginTop: 12 }} data-testid="timetable-live">
          <Typography.Text strong>{t('liveSchedule.title')}</Typography.Text>
          {timetable.data.held.map((h) => (
            <Typography.Text key={h.classId}>
              <Tag color={h.role === 'lead' ? 'red' : 'blue'}>{t(`liveSchedule.roles.${h.role}`)}</Tag>
              {h.weekday ? t(`timetable.weekdays.${h.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`) : h.day} {h.startsAt}–{h.endsAt} · {h.title} · {h.fromSchool} · {h.teacher}
            </Typography.Text>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}
