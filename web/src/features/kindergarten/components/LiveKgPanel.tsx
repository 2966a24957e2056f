import { Alert, Button, Card, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KgLiveRoomInput, KgLiveStaffRoom, KgLiveViewLog, KgLiveWindow } from '@shared/live-kg-api-types';
import { useApi } from '../../../api/use-api';
import { useErrorText } from '../../../api/error-text';
import { useMe } from '../../../app/auth';
import { kindergartenApi } from '../api/kindergarten.api';
import { liveKgApi } from '../api/live-kg.api';
import { listAllRooms } from '../../rooms/api/rooms.api';

const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
/** How often the teacher's count of watchers refreshes. */
const REFRESH_MS = 15_000;
const PURPOSES = ['activity', 'classroom', 'playground'] as const;

/**
 * 园所直播 on the kindergarten page: the rooms of the staff's classes with how many parents watch
 * now (refreshed every 15 s), today's viewing log, and for the principal the rooms' settings
 * (class, purpose, weekly windows, viewer cap). Washrooms and sleeping rooms are not offered.
 */
export function LiveKgPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useMe();
  const principal = me.permissions.includes('live:write') && me.assignments.some((a) => a.role === 'principal');
  const rooms = useApi((signal) => liveKgApi.staffRooms(signal), []);
  const log = useApi((signal) => liveKgApi.log({}, signal), []);
  const [editing, setEditing] = useState<KgLiveStaffRoom | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const timer = window.setInterval(() => { rooms.reload(); log.reload(); }, REFRESH_MS);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const weekday = (n: number) => t(`liveKg.weekdays.d${n}` as 'liveKg.weekdays.d1');
  const windows = (ws: KgLiveWindow[]) => ws.map((w) => `${weekday(w.weekday)} ${w.from}–${w.to}`).join('、');
  const duration = (v: KgLiveViewLog) => (v.endedAt ? t('liveKg.log.minutes', { m: Math.floor(v.seconds / 60), s: v.seconds % 60 }) : t('liveKg.log.watching'));

  async function remove(id: number) {
    setError(null);
    try { await liveKgApi.deleteRoom(id); rooms.reload(); } catch (e) { setError(errorText(e)); }
  }

  if (!principal && rooms.data && rooms.data.items.length === 0) return null;
  return (
    <Card title={t('liveKg.title')} extra={principal ? <Button onClick={() => setEditing('new')}>{t('liveKg.add')}</Button> : null}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('liveKg.note')}</Typography.Text>
        {error ? <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} /> : null}
        <Table<KgLiveStaffRoom>
          rowKey="id" size="small" pagination={false} dataSource={rooms.data?.items ?? []} loading={rooms.loading && !rooms.data}
          locale={{ emptyText: t('liveKg.none') }}
          columns={[
            { title: t('liveKg.col.room'), render: (_, r) => r.name },
            { title: t('liveKg.col.class'), render: (_, r) => r.className },
            { title: t('liveKg.col.purpose'), render: (_, r) => t(`liveKg.purposes.${r.purpose}` as 'liveKg.purposes.activity') },
            {
              title: t('liveKg.col.window'),
              render: (_, r) => (
                <Space wrap>
                  <Tag color={!r.enabled ? 'default' : r.window.open ? 'green' : 'default'}>{!r.enabled ? t('liveKg.disabled') : r.window.open ? t('liveKg.open') : t('liveKg.closed')}</Tag>
                  {r.window.open && r.enabled ? <Tag color={r.streaming ? 'blue' : 'orange'}>{r.roomId == null ? t('liveKg.noCamera') : r.streaming ? t('liveKg.streaming') : t('liveKg.notStreaming')}</Tag> : null}
                  {windows(r.window.windows)}
                </Space>
              ),
            },
            { title: t('liveKg.col.cap'), render: (_, r) => r.cap },
            { title: t('liveKg.col.watching'), render: (_, r) => <strong aria-label="watching-now">{t('liveKg.watchingNow', { n: r.watchingNow })}</strong> },
            ...(principal ? [{
              title: t('liveKg.col.actions'),
              render: (_: unknown, r: KgLiveStaffRoom) => (r.canEdit ? (
                <Space>
                  <Button size="small" onClick={() => setEditing(r)}>{t('liveKg.edit')}</Button>
                  <Popconfirm title={t('liveKg.removeConfirm')} onConfirm={() => void remove(r.id)}><Button size="small" danger>{t('liveKg.remove')}</Button></Popconfirm>
                </Space>
              ) : null),
            }] : []),
          ]}
        />
        <Typography.Title level={5}>{t('liveKg.log.title')}</Typography.Title>
        <Table<KgLiveViewLog>
          rowKey="id" size="small" pagination={{ pageSize: 10 }} dataSource={log.data?.items ?? []} locale={{ emptyText: t('liveKg.log.empty') }}
          columns={[
            { title: t('liveKg.log.viewer'), render: (_, v) => v.viewerName },
            { title: t('liveKg.log.child'), render: (_, v) => `${v.className} ${v.childName}` },
            { title: t('liveKg.log.room'), render: (_, v) => v.roomName },
            { title: t('liveKg.log.start'), render: (_, v) => time(v.startedAt) },
            { title: t('liveKg.log.duration'), render: (_, v) => duration(v) },
          ]}
        />
      </Flex>
      {editing ? <RoomForm room={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); rooms.reload(); }} /> : null}
    </Card>
  );
}

type FormValues = Omit<KgLiveRoomInput, 'windows'> & { windows: { weekday: number; from: string; to: string }[] };

function RoomForm({ room, onClose, onSaved }: { room: KgLiveStaffRoom | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const classes = useApi((signal) => kindergartenApi.classes(signal), []);
  // The camera: one of the kindergarten's recording rooms (the principal's scope is their school).
  const cameras = useApi((signal) => listAllRooms({}, signal), []);
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const initial: Partial<FormValues> = room
    ? { classId: room.classId, name: room.name, purpose: room.purpose as FormValues['purpose'], cap: room.cap, enabled: room.enabled, windows: room.window.windows, roomId: room.roomId ?? null }
    : { purpose: 'activity', cap: 30, enabled: true, windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:30', to: '11:00' })) };

  async function save(v: FormValues) {
    setError(null);
    try {
      const body: KgLiveRoomInput = { classId: v.classId, name: v.name, purpose: v.purpose, cap: v.cap, enabled: v.enabled, windows: v.windows ?? [], roomId: v.roomId ?? null };
      if (room) await liveKgApi.updateRoom(room.id, body); else await liveKgApi.createRoom(body);
      onSaved();
    } catch (e) { setError(errorText(e)); }
  }

  const hhmm = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' };
  return (
    <Modal open title={t('liveKg.form.title')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
        <Form.Item name="classId" label={t('liveKg.form.class')} rules={[{ required: true }]}>
          <Select options={classes.data?.items.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('liveKg.form.name')} rules={[{ required: true, max: 30 }]}><Input maxLength={30} /></Form.Item>
        <Form.Item name="purpose" label={t('liveKg.form.purpose')} extra={t('liveKg.form.privateHint')} rules={[{ required: true }]}>
          <Select options={PURPOSES.map((p) => ({ value: p, label: t(`liveKg.purposes.${p}`) }))} />
        </Form.Item>
        <Form.Item name="roomId" label={t('liveKg.form.camera')} extra={t('liveKg.form.cameraHint')}>
          <Select allowClear options={cameras.data?.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="cap" label={t('liveKg.form.cap')} rules={[{ required: true }]}><InputNumber min={1} max={200} /></Form.Item>
        <Form.Item name="enabled" label={t('liveKg.form.enabled')} valuePropName="checked"><Switch /></Form.Item>
        <Form.List name="windows">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('liveKg.form.windows')}</Typography.Text>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'weekday']} rules={[{ required: true }]} noStyle>
                    <Select style={{ width: 90 }} aria-label={t('liveKg.form.weekday')}
                      options={[1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: n, label: t(`liveKg.weekdays.d${n}` as 'liveKg.weekdays.d1') }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'from']} rules={[{ required: true }, hhmm]} noStyle><Input style={{ width: 80 }} aria-label={t('liveKg.form.from')} /></Form.Item>
                  <Form.Item name={[f.name, 'to']} rules={[{ required: true }, hhmm]} noStyle><Input style={{ width: 80 }} aria-label={t('liveKg.form.to')} /></Form.Item>
                  <Button size="small" onClick={() => remove(f.name)}>−</Button>
                </Space>
              ))}
              <Button size="small" onClick={() => add({ weekday: 1, from: '08:30', to: '11:00' })}>{t('liveKg.form.addWindow')}</Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
