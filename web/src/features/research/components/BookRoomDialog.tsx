import { App, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail } from '@shared/research-activities-types';
import { useApi } from '../../../api/use-api';
import { FormModal } from '../../../app/components/FormModal';
import { InstantPicker } from '../../../app/PlatformDatePicker';
import { createBooking } from '../../rooms/api/bookings.api';
import { listRooms } from '../../rooms/api/rooms.api';

interface Values {
  schoolId: number;
  roomId: number;
  startsAt: Dayjs;
  minutes: number;
  teacherUserId?: number;
  note?: string;
}

/**
 * “Record it in room X at time T”: the organiser books a recording room of a participating school.
 * The booking shows on the room's timetable (tagged 教研); the lesson recorded there in that time
 * attaches itself to the activity once processed, and the organiser is told.
 */
export function BookRoomDialog({ activity, onClose, onBooked }: { activity: ActivityDetail; onClose: () => void; onBooked: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const schoolId: number | undefined = Form.useWatch('schoolId', form);
  const rooms = useApi((signal) => (schoolId ? listRooms({ schoolId, page: 1, pageSize: 100 }, signal) : Promise.resolve(null)), [schoolId]);
  const teachers = activity.members.filter((m) => m.schoolId === schoolId && m.role !== 'observer');

  async function onSubmit(values: Values) {
    const startsAt = values.startsAt.second(0).millisecond(0);
    await createBooking(values.roomId, {
      purpose: 'research', purposeRef: activity.id, startsAt: startsAt.toISOString(), endsAt: startsAt.add(values.minutes, 'minute').toISOString(),
      teacherUserId: values.teacherUserId ?? null, note: values.note?.trim() || undefined,
    });
    void message.success(t('researchActivities.booking.done'));
    onBooked();
  }

  return (
    <FormModal<Values>
      title={t('researchActivities.booking.title')}
      form={form}
      onClose={onClose}
      onSubmit={onSubmit}
      okText={t('researchActivities.booking.submit')}
      initialValues={{ minutes: 45, schoolId: activity.schools.length === 1 ? activity.schools[0]!.id : undefined }}
    >
      <Typography.Paragraph type="secondary">{t('researchActivities.booking.help')}</Typography.Paragraph>
      <Form.Item name="schoolId" label={t('researchActivities.booking.school')} rules={[{ required: true }]}>
        <Select options={activity.schools.map((s) => ({ value: s.id, label: s.name }))} onChange={() => form.setFieldsValue({ roomId: undefined, teacherUserId: undefined })} data-testid="booking-school" />
      </Form.Item>
      <Form.Item name="roomId" label={t('researchActivities.booking.room')} rules={[{ required: true }]}
        extra={schoolId && rooms.data?.items.length === 0 ? t('researchActivities.booking.noRooms') : undefined}>
        <Select loading={rooms.loading} options={(rooms.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))} data-testid="booking-room" />
      </Form.Item>
      <Form.Item name="startsAt" label={t('researchActivities.booking.startsAt')} rules={[{ required: true }]}>
        <InstantPicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="booking-start" />
      </Form.Item>
      <Form.Item name="minutes" label={t('researchActivities.booking.minutes')} rules={[{ required: true }]}>
        <InputNumber min={10} max={240} step={5} suffix={t('researchActivities.booking.minuteUnit')} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="teacherUserId" label={t('researchActivities.booking.teacher')}>
        <Select allowClear options={teachers.map((m) => ({ value: m.userId, label: m.name }))} placeholder={t('researchActivities.booking.teacherPlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('researchActivities.booking.note')}>
        <Input maxLength={200} placeholder={t('researchActivities.booking.notePlaceholder', { topic: activity.topic })} />
      </Form.Item>
    </FormModal>
  );
}
