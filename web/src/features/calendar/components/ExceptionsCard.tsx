import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarException } from '@shared/calendar-api-types';
import { useErrorText } from '../../../api/error-text';
import { FormModal } from '../../../app/components/FormModal';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { type CalendarPlace, deleteException, saveException } from '../api/calendar.api';

interface Values { day: Dayjs; kind: 'holiday' | 'workday'; name: string }

const levelOf = (place: CalendarPlace) => ('schoolId' in place ? 'school' : 'countyId' in place ? 'county' : 'city');

/** The exception days in the school year that apply at the place; those set at the place itself can be removed. */
export function ExceptionsCard({ place, exceptions, range, loading, onChanged }: {
  place: CalendarPlace;
  exceptions: CalendarException[];
  range: { from: string; to: string };
  loading: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const own = levelOf(place);

  async function save(values: Values) {
    const res = await saveException(place, { day: values.day.format('YYYY-MM-DD'), kind: values.kind, name: values.name });
    message.success(t('calendar.exceptions.saved', { n: res.recomputed }));
    setAdding(false);
    onChanged();
  }

  async function remove(e: CalendarException) {
    try {
      await deleteException(place, e.day);
      message.success(t('calendar.exceptions.removed'));
      onChanged();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  return (
    <Card title={t('calendar.exceptions.title')} variant="borderless" style={{ marginBottom: 16 }} data-testid="exceptions-card"
      extra={<Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-exception">{t('calendar.exceptions.add')}</Button>}>
      <Table<CalendarException>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={exceptions}
        locale={{ emptyText: t('calendar.exceptions.empty') }}
        columns={[
          { title: t('calendar.exceptions.day'), dataIndex: 'day', width: 130 },
          {
            title: t('calendar.exceptions.kind'), dataIndex: 'kind', width: 150,
            render: (kind: CalendarException['kind']) => (kind === 'holiday' ? <Tag>{t('calendar.exceptions.closed')}</Tag> : <Tag color="blue">{t('calendar.exceptions.open')}</Tag>),
          },
          { title: t('calendar.exceptions.name'), dataIndex: 'name' },
          { title: t('calendar.exceptions.level'), dataIndex: 'level', width: 130, render: (level: CalendarException['level']) => t(`calendar.levels.${level}`) },
          {
            title: t('common.actions'), key: 'actions', width: 90,
            render: (_, e) => (e.level === own ? (
              <Popconfirm title={`${e.day} ${e.name}`} okButtonProps={{ danger: true }} onConfirm={() => void remove(e)}>
                <Button type="link" size="small" danger>{t('calendar.exceptions.remove')}</Button>
              </Popconfirm>
            ) : null),
          },
        ]}
      />
      {adding ? (
        <FormModal<Values> title={t('calendar.exceptions.add')} onClose={() => setAdding(false)} onSubmit={save} initialValues={{ kind: 'holiday' }}>
          <Form.Item name="day" label={t('calendar.exceptions.day')} rules={[{ required: true }]}>
            <PlatformDatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < range.from || d.format('YYYY-MM-DD') > range.to} />
          </Form.Item>
          <Form.Item name="kind" label={t('calendar.exceptions.kind')}>
            <Select options={[{ value: 'holiday', label: t('calendar.exceptions.closed') }, { value: 'workday', label: t('calendar.exceptions.open') }]} />
          </Form.Item>
          <Form.Item name="name" label={t('calendar.exceptions.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={40} placeholder={t('calendar.exceptions.namePlaceholder')} />
          </Form.Item>
        </FormModal>
      ) : null}
    </Card>
  );
}
