import { useState } from 'react';
import { Badge, Button, Card, Flex, Grid, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MeView } from '@shared/domain';
import type { Room, RoomFilters } from '@shared/api-types';
import { canAsRoomKeeper } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readEnum, readInt } from '../../../app/search-params';
import { CONNECTIVITIES, listRooms, ROOM_STATUSES } from '../api/rooms.api';
import { ConnectivityBadge, HeartbeatTime, RoomStatusTag } from '../components/room-status';
import { RoomFilterBar } from '../components/RoomFilterBar';
import { RoomFormModal } from '../components/RoomFormModal';
import { RoomsTabs } from '../components/RoomsTabs';

function readFilters(params: URLSearchParams): RoomFilters {
  return {
    countyId: readInt(params, 'countyId'),
    schoolId: readInt(params, 'schoolId'),
    status: readEnum(params, 'status', ROOM_STATUSES),
    connectivity: readEnum(params, 'connectivity', CONNECTIVITIES),
  };
}

/** The one school of a person whose roles all sit in one school (a principal), else undefined. */
function ownSchool(me: MeView): number | undefined {
  const ids = new Set(me.assignments.map((assignment) => assignment.schoolId));
  const [only] = [...ids];
  return ids.size === 1 && only !== null ? only : undefined;
}

/** Recording rooms in scope: lifecycle, online or not, last heartbeat; open one to manage it. */
export default function RoomsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  // On a phone: no fixed column and no sideways scrolling; the name column carries the school.
  const wide = Grid.useBreakpoint().md !== false;
  const [creating, setCreating] = useState(false);
  const { filters, patch, pagination, data, error, loading, reload } = usePagedList({ readFilters, load: listRooms });

  return (
    <>
      <PageHeader
        title={t('rooms.title')}
        note={data ? t('rooms.totalRooms', { total: data.total }) : undefined}
        extra={
          canAsRoomKeeper(me, 'room:write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-room">
              {t('rooms.create')}
            </Button>
          ) : null
        }
      />
      <RoomsTabs active="list" />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <RoomFilterBar filters={filters} onChange={patch} />
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<Room>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={wide ? { x: 1000 } : undefined}
          onRow={(room) => ({ onClick: () => navigate(`/rooms/${room.id}`) })}
          pagination={pagination}
          locale={{ emptyText: t('rooms.empty') }}
          columns={[
            {
              title: t('rooms.name'),
              dataIndex: 'name',
              fixed: wide ? 'left' : undefined,
              width: wide ? 160 : undefined,
              render: (name: string, room) => (
                <Flex vertical>
                  <Link to={`/rooms/${room.id}`} onClick={(event) => event.stopPropagation()}>
                    {name}
                  </Link>
                  {wide ? null : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {room.schoolName} {room.openAlerts ? <Badge count={room.openAlerts} size="small" /> : null}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            { title: t('rooms.school'), dataIndex: 'schoolName', width: 180, ellipsis: true, responsive: ['md'] },
            { title: t('rooms.county'), dataIndex: 'countyName', width: 100, responsive: ['md'] },
            { title: t('rooms.status'), dataIndex: 'status', width: wide ? 120 : 96, render: (status: Room['status']) => <RoomStatusTag status={status} /> },
            {
              title: t('rooms.connectivity'),
              dataIndex: 'connectivity',
              width: wide ? 130 : 96,
              render: (connectivity: Room['connectivity'], room) => (
                <Flex vertical>
                  <ConnectivityBadge connectivity={connectivity} />
                  {room.recorderState === 'recording' ? <Tag color="red" style={{ width: 'fit-content', marginTop: 2 }}>{t('rooms.recordingNow')}</Tag> : null}
                </Flex>
              ),
            },
            { title: t('rooms.lastHeartbeat'), dataIndex: 'lastHeartbeatAt', width: 130, responsive: ['sm'], render: (at: string | null) => <HeartbeatTime at={at} /> },
            { title: t('rooms.devices'), dataIndex: 'deviceCount', width: 90, align: 'right', responsive: ['md'] },
            {
              title: t('rooms.openAlerts'),
              dataIndex: 'openAlerts',
              width: 90,
              align: 'right',
              responsive: ['sm'],
              render: (count: number) => (count ? <Badge count={count} /> : <span style={{ color: 'rgba(0,0,0,0.45)' }}>0</span>),
            },
            {
              title: t('rooms.tracks'),
              dataIndex: 'tracks',
              responsive: ['lg'],
              render: (tracks: Room['tracks']) => tracks.map((track) => <Tag key={track}>{t(`tracks.${track}`)}</Tag>),
            },
          ]}
        />
      </Card>
      {creating ? (
        <RoomFormModal
          schoolId={filters.schoolId ?? ownSchool(me)}
          onClose={() => setCreating(false)}
          onSaved={(room) => navigate(`/rooms/${room.id}`)}
        />
      ) : null}
    </>
  );
}
