import { Card, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoomDetail } from '@shared/api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatInstant } from '../../../app/time';
import { listBookings } from '../api/bookings.api';

/**
 * One-off bookings of the room in the coming weeks, beside its weekly timetable: lessons a
 * research activity's organiser asked to be recorded here (tagged 教研, linked to the activity).
 */
export function RoomBookingsCard({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const bookings = useApi((signal) => listBookings(room.id, {}, signal), [room.id]);
  return (
    <Card variant="borderless" title={t('roomBookings.title')} data-testid="room-bookings">
      {bookings.error ? <ErrorAlert error={bookings.error} onRetry={bookings.reload} /> : null}
      <List
        size="small"
        loading={bookings.loading}
        dataSource={bookings.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('roomBookings.empty')} /> }}
        renderItem={(b) => (
          <List.Item>
            <List.Item.Meta
              title={(
                <span>
                  <Tag color="purple">{t(`roomBookings.purposes.${b.purpose}`)}</Tag>
                  {formatInstant(b.startsAt)}–{formatInstant(b.endsAt, 'HH:mm')}
                </span>
              )}
              description={(
                <Typography.Text type="secondary">
                  {[b.subject, b.grade, b.teacherName].filter(Boolean).join(' · ')}
                  {b.purposeRef ? <> · <Link to={`/research/activities/${b.purposeRef}`}>{b.note}</Link></> : b.note ? ` · ${b.note}` : null}
                </Typography.Text>
              )}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
