import { App, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RoomDetail, RoomPatch, RoomStatus, Track } from '@shared/api-types';
import { FormModal } from '../../../app/components/FormModal';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { platformToday } from '../../../app/time';
import { SchoolSelect } from '../../schools/components/SchoolSelect';
import { createRoom, ROOM_STATUSES, TRACKS, updateRoom } from '../api/rooms.api';

interface RoomValues {
  schoolId?: number;
  name: string;
  location?: string;
  vendor?: string;
  model?: string;
  tracks: Track[];
  status: RoomStatus;
  statusDate?: Dayjs;
  reason?: string;
}

const rank = (status: RoomStatus) => ROOM_STATUSES.indexOf(status);

/**
 * Adds a room to a school, or edits one: its record, camera tracks and lifecycle stage. Moving
 * the stage back (a recorder taken away for repair) needs a reason, which the server keeps.
 */
export function RoomFormModal({
  room,
  schoolId,
  onClose,
  onSaved,
}: {
  /** The room to edit; absent to add one. */
  room?: RoomDetail;
  /** The school a new room goes to, when already known. */
  schoolId?: number;
  onClose: () => void;
  onSaved: (room: RoomDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoomValues>();
  const status = Form.useWatch('status', form);
  const steppingBack = room !== undefined && status !== undefined && rank(status) < rank(room.status);

  async function onSubmit(values: RoomValues) {
    const common = {
      name: values.name.trim(),
      location: values.location?.trim() ?? '',
      vendor: values.vendor?.trim() ?? '',
      model: values.model?.trim() ?? '',
      tracks: values.tracks,
    };
    const statusDate = values.statusDate ? values.statusDate.format('YYYY-MM-DD') : undefined;
    let saved: RoomDetail;
    if (room) {
      const patch: RoomPatch = { ...common };
      if (values.status !== room.status) Object.assign(patch, { status: values.status, statusDate, reason: values.reason?.trim() || undefined });
      saved = await updateRoom(room.id, patch);
    } else {
      saved = await createRoom({ ...common, schoolId: values.schoolId!, status: values.status, statusDate });
    }
    void message.success(t('common.saved'));
    onSaved(saved);
  }

  const initialValues: Partial<RoomValues> = room
    ? { name: room.name, location: room.location, vendor: room.vendor, model: room.model, tracks: room.tracks, status: room.status }
    : { schoolId, tracks: ['composite'], status: 'planned', statusDate: platformToday() };

  return (
    <FormModal<RoomValues> title={room ? t('rooms.editTitle') : t('rooms.createTitle')} form={form} initialValues={initialValues} onClose={onClose} onSubmit={onSubmit} width={600}>
      {room ? null : (
        <Form.Item name="schoolId" label={t('rooms.school')} rules={[{ required: true, message: t('rooms.schoolRequired') }]}>
          <SchoolSelect data-testid="room-school" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('rooms.name')} rules={[{ required: true, whitespace: true, message: t('rooms.nameRequired') }]}>
        <Input maxLength={40} placeholder={t('rooms.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="location" label={t('rooms.location')}>
        <Input maxLength={80} placeholder={t('rooms.locationPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="vendor" label={t('rooms.vendor')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="model" label={t('rooms.model')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="tracks" label={t('rooms.tracks')} extra={t('rooms.tracksHelp')} rules={[{ required: true, message: t('rooms.tracksRequired') }]}>
        <Checkbox.Group options={TRACKS.map((track) => ({ value: track, label: t(`tracks.${track}`) }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="status" label={t('rooms.status')}>
            <Select options={ROOM_STATUSES.map((value) => ({ value, label: t(`roomStatuses.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="statusDate" label={t('rooms.statusDate')} extra={room ? t('rooms.statusDateHelp') : undefined}>
            <PlatformDatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(platformToday(), 'day')} />
          </Form.Item>
        </Col>
      </Row>
      {steppingBack ? (
        <Form.Item name="reason" label={t('rooms.reason')} rules={[{ required: true, whitespace: true, message: t('rooms.reasonRequired') }]}>
          <Input.TextArea maxLength={200} rows={2} placeholder={t('rooms.reasonPlaceholder')} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
