import { useMemo } from 'react';
import { Badge, Card, Col, Flex, List, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Room, RoomStatus, RoomSummary } from '@shared/api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { readInt, usePatchSearchParams } from '../../../app/search-params';
import { useRegions } from '../../org/api/use-regions';
import { getRoomSummary, listAlerts, listAllRooms, ROOM_STATUSES } from '../api/rooms.api';
import { HeartbeatTime } from '../components/room-status';
import { RoomsTabs } from '../components/RoomsTabs';
import { formatInstant } from '../../../app/time';

type CountyRow = RoomSummary['counties'][number];

interface SchoolRow {
  schoolId: number;
  schoolName: string;
  rooms: number;
  byStatus: Record<RoomStatus, number>;
  online: number;
  offline: number;
  noRecorder: number;
  openAlerts: number;
  lastHeartbeatAt: string | null;
}

/** The rooms of a county summed per school: which schools have a room offline or not yet in use. */
function perSchool(rooms: Room[]): SchoolRow[] {
  const rows = new Map<number, SchoolRow>();
  for (const room of rooms) {
    const row = rows.get(room.schoolId) ?? {
      schoolId: room.schoolId, schoolName: room.schoolName, rooms: 0, byStatus: { planned: 0, installed: 0, activated: 0, in_use: 0 },
      online: 0, offline: 0, noRecorder: 0, openAlerts: 0, lastHeartbeatAt: null,
    };
    row.rooms += 1;
    row.byStatus[room.status] += 1;
    if (room.connectivity === 'online') row.online += 1;
    else if (room.connectivity === 'offline') row.offline += 1;
    else row.noRecorder += 1;
    row.openAlerts += room.openAlerts;
    if (room.lastHeartbeatAt && (!row.lastHeartbeatAt || room.lastHeartbeatAt > row.lastHeartbeatAt)) row.lastHeartbeatAt = room.lastHeartbeatAt;
    rows.set(room.schoolId, row);
  }
  // Schools with something wrong first.
  return [...rows.values()].sort((a, b) => b.offline + b.openAlerts - (a.offline + a.openAlerts) || a.schoolName.localeCompare(b.schoolName, 'zh'));
}

/**
 * Rooms by status for a county (or the city, one row a county): counts by lifecycle stage and
 * online state, a table per school (per county for the city), and the open alerts.
 */
export default function RoomsOverviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const { counties } = useRegions();
  const countyId = readInt(params, 'countyId') ?? (counties.length === 1 ? counties[0]?.id : undefined);

  const summary = useApi((signal) => getRoomSummary(countyId, signal), [countyId]);
  const rooms = useApi((signal) => (countyId ? listAllRooms({ countyId }, signal) : Promise.resolve(null)), [countyId]);
  const alerts = useApi((signal) => listAlerts({ countyId, open: true, page: 1, pageSize: 50 }, signal), [countyId]);
  const schools = useMemo(() => perSchool(rooms.data ?? []), [rooms.data]);
  const s = summary.data;

  // Two groups: how far the rooms are built, and how they are running now.
  const groups = [
    {
      key: 'lifecycle',
      title: t('rooms.overview.lifecycle'),
      stats: [
        { key: 'total', title: t('rooms.overview.total'), value: s?.total, color: '#1f63d6' },
        ...ROOM_STATUSES.map((status) => ({ key: status, title: t(`roomStatuses.${status}`), value: s?.byStatus[status], color: '#13a8a8' })),
      ],
    },
    {
      key: 'live',
      title: t('rooms.overview.live'),
      stats: [
        { key: 'online', title: t('connectivity.online'), value: s?.online, color: '#389e0d' },
        { key: 'offline', title: t('connectivity.offline'), value: s?.offline, color: '#cf1322' },
        { key: 'noRecorder', title: t('connectivity.no_recorder'), value: s?.noRecorder, color: '#8c8c8c' },
        { key: 'openAlerts', title: t('rooms.openAlerts'), value: s?.openAlerts, color: '#d4380d' },
      ],
    },
  ];

  const statusColumns = ROOM_STATUSES.map((status) => ({
    title: t(`roomStatuses.${status}`),
    key: status,
    width: 90,
    align: 'right' as const,
    render: (_: unknown, row: { byStatus: Record<RoomStatus, number> }) => row.byStatus[status],
  }));
  const alertCell = (count: number) => (count ? <Badge count={count} /> : 0);

  return (
    <>
      <PageHeader
        title={t('rooms.title')}
        extra={
          counties.length > 1 ? (
            <Select
              allowClear
              placeholder={t('rooms.overview.wholeCity')}
              value={countyId}
              onChange={(value?: number) => patch({ countyId: value })}
              options={counties.map((county) => ({ value: county.id, label: county.name }))}
              style={{ width: 160 }}
              data-testid="overview-county"
            />
          ) : null
        }
      />
      <RoomsTabs active="overview" />
      {summary.error ? <ErrorAlert error={summary.error} onRetry={summary.reload} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {groups.map((group) => (
          <Col xs={24} lg={group.key === 'lifecycle' ? 13 : 11} key={group.key}>
            <Card variant="borderless" size="small" title={group.title} loading={summary.loading && !s} style={{ height: '100%' }}>
              <Flex wrap gap={16} justify="space-between">
                {group.stats.map((stat) => (
                  <div key={stat.key} style={{ minWidth: 72 }} data-testid={`rooms-stat-${stat.key}`}>
                    <Statistic title={stat.title} value={stat.value ?? 0} styles={{ content: { color: stat.color } }} />
                  </div>
                ))}
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          {countyId ? (
            <Card variant="borderless" title={t('rooms.overview.bySchool')}>
              {rooms.error ? <ErrorAlert error={rooms.error} onRetry={rooms.reload} /> : null}
              <Table<SchoolRow>
                rowKey="schoolId"
                size="small"
                loading={rooms.loading}
                dataSource={schools}
                pagination={schools.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                scroll={{ x: 860 }}
                locale={{ emptyText: t('rooms.empty') }}
                columns={[
                  {
                    title: t('rooms.school'),
                    dataIndex: 'schoolName',
                    fixed: 'left',
                    width: 180,
                    render: (name: string, row) => <Link to={`/rooms?schoolId=${row.schoolId}`}>{name}</Link>,
                  },
                  { title: t('rooms.overview.rooms'), dataIndex: 'rooms', width: 70, align: 'right' },
                  ...statusColumns,
                  { title: t('connectivity.online'), dataIndex: 'online', width: 70, align: 'right' },
                  {
                    title: t('connectivity.offline'),
                    dataIndex: 'offline',
                    width: 70,
                    align: 'right',
                    render: (n: number) => (n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : 0),
                  },
                  { title: t('rooms.openAlerts'), dataIndex: 'openAlerts', width: 80, align: 'right', render: alertCell },
                  { title: t('rooms.lastHeartbeat'), dataIndex: 'lastHeartbeatAt', width: 120, render: (at: string | null) => <HeartbeatTime at={at} /> },
                ]}
              />
            </Card>
          ) : (
            <Card variant="borderless" title={t('rooms.overview.byCounty')}>
              <Table<CountyRow>
                className="clickable-rows"
                rowKey="id"
                size="small"
                loading={summary.loading}
                dataSource={s?.counties ?? []}
                pagination={false}
                scroll={{ x: 760 }}
                onRow={(row) => ({ onClick: () => patch({ countyId: row.id }) })}
                columns={[
                  { title: t('rooms.county'), dataIndex: 'name', fixed: 'left', width: 110, render: (name: string) => <a>{name}</a> },
                  { title: t('rooms.overview.rooms'), dataIndex: 'total', width: 70, align: 'right' },
                  ...statusColumns,
                  { title: t('connectivity.online'), dataIndex: 'online', width: 70, align: 'right' },
                  { title: t('connectivity.offline'), dataIndex: 'offline', width: 70, align: 'right' },
                  { title: t('connectivity.no_recorder'), dataIndex: 'noRecorder', width: 90, align: 'right' },
                  { title: t('rooms.openAlerts'), dataIndex: 'openAlerts', width: 80, align: 'right', render: alertCell },
                ]}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} xxl={8}>
          <Card variant="borderless" title={t('alerts.openTitle')} data-testid="open-alerts">
            {alerts.error ? <ErrorAlert error={alerts.error} onRetry={alerts.reload} /> : null}
            <List
              size="small"
              loading={alerts.loading}
              dataSource={alerts.data?.items ?? []}
              locale={{ emptyText: t('alerts.none') }}
              renderItem={(alert) => (
                <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`/rooms/${alert.roomId}`)}>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Flex gap={6} align="center" wrap>
                      <WarningOutlined style={{ color: '#d4380d' }} />
                      <Typography.Text strong>{alert.schoolName}</Typography.Text>
                      <Typography.Text type="secondary">{alert.roomName}</Typography.Text>
                      <Tag color={alert.kind === 'disk_low' ? 'orange' : 'red'}>{t(`alerts.kinds.${alert.kind}`)}</Tag>
                    </Flex>
                    <Typography.Text style={{ fontSize: 13 }}>{alert.message}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(alert.createdAt)}</Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
            {alerts.data && alerts.data.total > alerts.data.items.length ? (
              <Typography.Text type="secondary">{t('alerts.more', { total: alerts.data.total })}</Typography.Text>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
