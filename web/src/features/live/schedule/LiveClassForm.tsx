import dayjs, { type Dayjs } from 'dayjs';
import { Form, Input, InputNumber, Radio, Select, TimePicker } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveClass } from '@shared/live-schedule-api-types';
import { useApi } from '../../../api/use-api';
import { FormModal } from '../../../app/components/FormModal';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { platformToday } from '../../../app/time';
import { changeLiveClass, liveClassChoices, scheduleLiveClass } from '../api/live-schedule.api';

interface Values {
  schoolId: number; title: string; subject: string; grade: number; leadRoomId: number; leadTeacherUserId: number; receivingRoomIds: number[];
  repeat: 'weekly' | 'once'; weekday?: number; startsOn: Dayjs; untilOn?: Dayjs | null; startTime: Dayjs; minutes: number;
}

/** The schedule form (a new live class, or a change to one): lead school, room and teacher, 1–3 receiving rooms, when. */
export function LiveClassForm({ existing, onClose, onSaved }: { existing?: LiveClass; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [schoolId, setSchoolId] = useState<number | undefined>(existing?.lead.schoolId);
  const choices = useApi((signal) => liveClassChoices(schoolId, signal), [schoolId]);
  const repeat = Form.useWatch('repeat', form) ?? (existing && existing.weekday === null ? 'once' : 'weekly');
  const weekdays = t('liveSchedule.weekdays', { returnObjects: true }) as string[];
  const required = [{ required: true, message: t('liveSchedule.form.required') }];
  const room = (r: { roomId: number; roomName: string; schoolName: string }) => ({ value: r.roomId, label: `${r.schoolName}「${r.roomName}」` });

  async function submit(v: Values) {
    const body = {
      title: v.title, subject: v.subject, grade: v.grade, leadRoomId: v.leadRoomId, leadTeacherUserId: v.leadTeacherUserId, receivingRoomIds: v.receivingRoomIds,
      weekday: v.repeat === 'weekly' ? v.weekday ?? 1 : null, startsOn: v.startsOn.format('YYYY-MM-DD'),
      untilOn: v.repeat === 'weekly' && v.untilOn ? v.untilOn.format('YYYY-MM-DD') : null, startTime: v.startTime.format('HH:mm'), minutes: v.minutes,
    };
    if (existing) await changeLiveClass(existing.id, body);
    else await scheduleLiveClass(body);
    onSaved();
  }

  return (
    <FormModal<Values>
      title={existing ? t('liveSchedule.editClass') : t('liveSchedule.newClass')} onClose={onClose} onSubmit={submit} form={form} width={640}
      initialValues={existing ? {
        schoolId: existing.lead.schoolId, title: existing.title, subject: existing.subject, grade: existing.grade, leadRoomId: existing.lead.roomId,
        leadTeacherUserId: existing.leadTeacherUserId, receivingRoomIds: existing.receiving.map((r) => r.roomId), repeat: existing.weekday === null ? 'once' : 'weekly',
        weekday: existing.weekday ?? undefined, startsOn: dayjs(existing.startsOn), untilOn: existing.untilOn ? dayjs(existing.untilOn) : null,
        startTime: dayjs(`2000-01-01T${existing.startTime}`), minutes: existing.minutes,
      } : { repeat: 'weekly', weekday: 1, minutes: 40, grade: 3, startsOn: platformToday() }}
    >
      <Form.Item name="schoolId" label={t('liveSchedule.form.school')} rules={required}>
        <Select showSearch optionFilterProp="label" onChange={(id: number) => { setSchoolId(id); form.setFieldsValue({ leadRoomId: undefined, leadTeacherUserId: undefined, receivingRoomIds: [] }); }}
          options={(choices.data?.leadSchools ?? []).map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item name="title" label={t('liveSchedule.form.title')} rules={required}><Input maxLength={60} /></Form.Item>
      <Form.Item name="subject" label={t('liveSchedule.form.subject')} rules={required}><Input maxLength={20} /></Form.Item>
      <Form.Item name="grade" label={t('liveSchedule.form.grade')} rules={required}><InputNumber min={1} max={12} /></Form.Item>
      <Form.Item name="leadRoomId" label={t('liveSchedule.form.leadRoom')} rules={required}>
        <Select options={(choices.data?.leadRooms ?? []).map(room)} loading={choices.loading} />
      </Form.Item>
      <Form.Item name="leadTeacherUserId" label={t('liveSchedule.form.teacher')} rules={required}>
        <Select showSearch optionFilterProp="label" options={(choices.data?.teachers ?? []).map((x) => ({ value: x.userId, label: x.name }))} />
      </Form.Item>
      <Form.Item name="receivingRoomIds" label={t('liveSchedule.form.receiving')} rules={required}>
        <Select mode="multiple" maxCount={3} showSearch optionFilterProp="label" options={(choices.data?.receivingRooms ?? []).map(room)} />
      </Form.Item>
      <Form.Item name="repeat" label={t('liveSchedule.form.repeat')}>
        <Radio.Group options={[{ value: 'weekly', label: t('liveSchedule.form.weekly') }, { value: 'once', label: t('liveSchedule.form.onceOnly') }]} />
      </Form.Item>
      {repeat === 'weekly' ? (
        <Form.Item name="weekday" label={t('liveSchedule.form.weekday')} rules={required}>
          <Select options={weekdays.map((label, i) => ({ value: i + 1, label }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="startsOn" label={repeat === 'weekly' ? t('liveSchedule.form.startsOn') : t('liveSchedule.form.day')} rules={required}>
        <PlatformDatePicker />
      </Form.Item>
      {repeat === 'weekly' ? <Form.Item name="untilOn" label={t('liveSchedule.form.untilOn')}><PlatformDatePicker /></Form.Item> : null}
      <Form.Item name="startTime" label={t('liveSchedule.form.startTime')} rules={required}><TimePicker format="HH:mm" minuteStep={5} /></Form.Item>
      <Form.Item name="minutes" label={t('liveSchedule.form.minutes')} rules={required}><InputNumber min={10} max={120} /></Form.Item>
    </FormModal>
  );
}
