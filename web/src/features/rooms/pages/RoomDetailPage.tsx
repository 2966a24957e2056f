import { useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Flex, List, Result, Steps, Tag, Typography } from 'antd';
import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { canAsRoomKeeper } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { getRoom, listAlerts, ROOM_STATUSES } from '../api/rooms.api';
import { DevicesCard } from '../components/DevicesCard';
import { ConnectivityBadge, formatGb, HeartbeatTime, RoomStatusTag } from '../components/room-status';
import { RoomFormModal } from '../components/RoomFormModal';
import { TimetableCard } from '../components/TimetableCard';
import { RoomBookingsCard } from '../components/RoomBookingsCard';
import { formatShortDate } from '../../../app/time';

const STAGE_DATE = { planned: 'plannedOn', installed: 'installedOn', activated: 'activatedOn', in_use: 'inUseOn' } as const;

/** One room: record and lifecycle, live state, open alerts, recorders (tokens) and weekly timetable. */
export default function RoomDetailPage() {
  const me = useMe();
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const room = useApi((signal) => getRoom(id, signal), [id]);
  const schoolId = room.data?.schoolId;
  // The alert list filters by school; this room's are picked from the school's open ones.
  const alerts = useApi(
    (signal) => (schoolId ? listAlerts({ schoolId, open: true, page: 1, pageSize: 100 }, signal) : Promise.resolve(null)),
    [schoolId, room.data?.openAlerts],
  );
  const [editing, setEditing] = useState(false);
  const writable = canAsRoomKeeper(me, 'room:write');

  if (!Number.isInteger(id) || (room.error instanceof ApiError && room.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('status.notFoundTitle')}
        subTitle={t('errors.NOT_FOUND')}
        extra={<Link to="/rooms"><Button type="primary">{t('common.back')}</Button></Link>}
      />
    );
  }
  if (room.error && !room.data) return <ErrorAlert error={room.error} onRetry={room.reload} />;
  const data = room.data;
  if (!data) return <FullPageSpin height={320} />;
  const roomAlerts = (alerts.data?.items ?? []).filter((alert) => alert.roomId === data.id);
  const current = ROOM_STATUSES.indexOf(data.status);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/rooms">{t('rooms.title')}</Link> }, { title: data.schoolName }, { title: data.name }]} />
      <Card variant="borderless">
        <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {data.name}
            </Typography.Title>
            <RoomStatusTag status={data.status} />
            <span data-testid="room-connectivity"><ConnectivityBadge connectivity={data.connectivity} /></span>
            {data.recorderState === 'recording' ? <Tag color="red">{t('rooms.recordingNow')}</Tag> : null}
          </Flex>
          {writable ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-room">
              {t('common.edit')}
            </Button>
          ) : null}
        </Flex>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          size="small"
          items={[
            { key: 'school', label: t('rooms.school'), children: <Link to={`/schools/${data.schoolId}`}>{data.schoolName}</Link> },
            { key: 'county', label: t('rooms.county'), children: data.countyName },
            { key: 'location', label: t('rooms.location'), children: data.location || '—' },
            { key: 'vendor', label: t('rooms.vendorModel'), children: [data.vendor, data.model].filter(Boolean).join(' ') || '—' },
            { key: 'heartbeat', label: t('rooms.lastHeartbeat'), children: <HeartbeatTime at={data.lastHeartbeatAt} /> },
            { key: 'disk', label: t('devices.diskFree'), children: formatGb(data.diskFreeBytes) },
            {
              key: 'tracks',
              label: t('rooms.tracks'),
              span: 'filled',
              children: data.tracks.map((track) => <Tag key={track}>{t(`tracks.${track}`)}</Tag>),
            },
          ]}
        />
        <Steps
          size="small"
          current={current}
          style={{ marginTop: 16 }}
          items={ROOM_STATUSES.map((status) => {
            const date = data[STAGE_DATE[status]];
            return { title: t(`roomStatuses.${status}`), content: date ? dayjs(date).format('YYYY-MM-DD') : undefined };
          })}
        />
      </Card>
      {roomAlerts.length ? (
        <Card variant="borderless" title={t('alerts.openTitle')} data-testid="room-alerts">
          <List
            size="small"
            dataSource={roomAlerts}
            renderItem={(alert) => (
              <List.Item>
                <Flex gap={8} align="baseline" wrap>
                  <WarningOutlined style={{ color: '#d4380d' }} />
                  <Tag color={alert.kind === 'disk_low' ? 'orange' : 'red'}>{t(`alerts.kinds.${alert.kind}`)}</Tag>
                  <span>{alert.message}</span>
                  <Typography.Text type="secondary">{formatShortDate(alert.createdAt, true)}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <DevicesCard room={data} writable={writable} onChanged={room.reload} />
      <TimetableCard room={data} writable={writable} />
      <RoomBookingsCard room={data} />
      {editing ? (
        <RoomFormModal
          room={data}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            room.reload();
          }}
        />
      ) : null}
    </Flex>
  );
}
