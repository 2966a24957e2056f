import { useMemo } from 'react';
import { AutoComplete, Col, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/use-api';
import { InstantPicker } from '../../../app/PlatformDatePicker';
import { listRooms } from '../../rooms/api/rooms.api';
import { listGrades } from '../../schools/api/schools.api';
import { SUBJECTS } from './subjects';

/** The lesson a set of track files belongs to, as the upload form holds it. */
export interface LessonValues {
  schoolId?: number;
  roomId?: number;
  /** Instants, picked and shown in Asia/Shanghai time. */
  lessonStart?: Dayjs;
  lessonEnd?: Dayjs;
  subject?: string;
  grade?: string;
  classId?: number;
  teacher?: string;
  title?: string;
}

/**
 * School (when the uploader works at several), room, lesson start and end, subject, grade, class,
 * teacher and title: the metadata docs/devices.md lists. Rendered inside the upload page's Form.
 */
export function LessonFields({ schools }: { schools: { id: number; name: string }[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<LessonValues>();
  const chosen = Form.useWatch('schoolId', form);
  const schoolId = chosen ?? (schools.length === 1 ? schools[0]!.id : undefined);
  const rooms = useApi((signal) => (schoolId ? listRooms({ schoolId, page: 1, pageSize: 100 }, signal) : Promise.resolve(null)), [schoolId]);
  const grades = useApi((signal) => (schoolId ? listGrades(schoolId, signal) : Promise.resolve([])), [schoolId]);
  const classOptions = useMemo(
    () => (grades.data ?? []).flatMap((grade) => grade.classes.map((klass) => ({ value: klass.id, label: `${grade.name}${klass.name}`, grade: grade.name }))),
    [grades.data],
  );

  return (
    <Row gutter={16}>
      {schools.length > 1 ? (
        <Col xs={24} md={12}>
          <Form.Item name="schoolId" label={t('upload.school')} rules={[{ required: true, message: t('upload.schoolRequired') }]}>
            <Select options={schools.map((school) => ({ value: school.id, label: school.name }))} onChange={() => form.setFieldsValue({ roomId: undefined, classId: undefined })} />
          </Form.Item>
        </Col>
      ) : null}
      <Col xs={24} md={12}>
        <Form.Item name="roomId" label={t('upload.room')} extra={t('upload.roomHelp')}>
          <Select
            allowClear
            loading={rooms.loading}
            placeholder={t('upload.noRoom')}
            options={(rooms.data?.items ?? []).map((room) => ({ value: room.id, label: room.name }))}
            data-testid="upload-room"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="lessonStart" label={t('upload.lessonStart')} rules={[{ required: true, message: t('upload.lessonStartRequired') }]}>
          <InstantPicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            onChange={(start) => {
              if (start && !form.getFieldValue('lessonEnd')) form.setFieldValue('lessonEnd', start.add(40, 'minute'));
            }}
            data-testid="upload-lesson-start"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="lessonEnd"
          label={t('upload.lessonEnd')}
          dependencies={['lessonStart']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, end?: Dayjs) => {
                const start = getFieldValue('lessonStart') as Dayjs | undefined;
                return !end || !start || end.isAfter(start) ? Promise.resolve() : Promise.reject(new Error(t('upload.endBeforeStart')));
              },
            }),
          ]}
        >
          <InstantPicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="subject" label={t('upload.subject')}>
          <AutoComplete options={SUBJECTS.map((value) => ({ value }))} maxLength={20} data-testid="upload-subject" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="grade" label={t('upload.grade')}>
          <Input maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="classId" label={t('upload.class')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={grades.loading}
            options={classOptions}
            onChange={(_: number | undefined, option) => {
              const picked = Array.isArray(option) ? undefined : (option as { grade?: string } | undefined);
              if (picked?.grade) form.setFieldValue('grade', picked.grade);
            }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="teacher" label={t('upload.teacher')}>
          <Input maxLength={30} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="title" label={t('upload.lessonTitle')}>
          <Input maxLength={100} placeholder={t('upload.titlePlaceholder')} />
        </Form.Item>
      </Col>
    </Row>
  );
}
