import { Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatInstant } from '../../../app/time';
import { listLiveSessions } from '../api/live-schedule.api';

/** 直播巡课: every session on air now in the caller's scope, a tile each, opening the session page as watcher. */
export function PatrolWall() {
  const { t } = useTranslation();
  const live = useApi((signal) => listLiveSessions({ status: 'live' }, signal), []);
  const items = live.data?.items ?? [];
  return (
    <>
      {live.error ? <ErrorAlert error={live.error} onRetry={live.reload} /> : null}
      {!live.loading && !items.length ? <Empty description={t('liveSchedule.noneLive')} /> : null}
      <Row gutter={[12, 12]}>
        {items.map((s) => (
          <Col key={s.id} xs={24} sm={12} lg={8}>
            <Link to={`/live/sessions/${s.id}`}>
              <Card hoverable size="small" data-testid="live-patrol-tile" title={s.title} extra={<Tag color="red">{t('liveSchedule.statuses.live')}</Tag>}>
                <Typography.Paragraph style={{ marginBottom: 4 }}>{s.lead.schoolName}「{s.lead.roomName}」· {s.leadTeacherName}</Typography.Paragraph>
                <Typography.Text type="secondary">
                  {formatInstant(s.startsAt, 'HH:mm')}–{formatInstant(s.endsAt, 'HH:mm')} · {s.mode ? t(`liveSchedule.modes.${s.mode}`) : ''}
                  {' · '}{s.receiving.map((r) => r.schoolName).join('、')}
                </Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
