import dayjs from 'dayjs';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { formatInstant, platformToday } from '../../../app/time';
import { listLiveSessions } from '../api/live-schedule.api';

const STATUS_COLOR = { scheduled: 'default', live: 'red', ended: 'green' } as const;

/** 今日直播: a day's sessions in the caller's scope with their part in each, and the way in. */
export function TodayTab() {
  const { t } = useTranslation();
  const [day, setDay] = useState(platformToday().format('YYYY-MM-DD'));
  const sessions = useApi((signal) => listLiveSessions({ day }, signal), [day]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text>{t('liveSchedule.day')}</Typography.Text>
        <PlatformDatePicker value={dayjs(day)} onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))} allowClear={false} />
      </Space>
      {sessions.error ? <ErrorAlert error={sessions.error} onRetry={sessions.reload} /> : null}
      <List
        loading={sessions.loading}
        dataSource={sessions.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('liveSchedule.none')} /> }}
        renderItem={(s) => (
          <List.Item
            data-testid="live-session-row"
            actions={[
              <Link key="join" to={`/live/sessions/${s.id}`}>
                <Button type={s.status === 'live' ? 'primary' : 'default'}>{s.role === 'watcher' ? t('liveSchedule.watch') : t('liveSchedule.join')}</Button>
              </Link>,
            ]}
          >
            <Card size="small" variant="borderless" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{s.title}</Typography.Text>
                <Tag color={STATUS_COLOR[s.status]}>{t(`liveSchedule.statuses.${s.status}`)}</Tag>
                <Tag color="blue">{t(`liveSchedule.roles.${s.role}`)}</Tag>
                <Typography.Text type="secondary">
                  {formatInstant(s.startsAt, 'HH:mm')}–{formatInstant(s.endsAt, 'HH:mm')} · {s.lead.schoolName}「{s.lead.roomName}」· {s.leadTeacherName}
                  {' → '}{s.receiving.map((r) => `${r.schoolName}「${r.roomName}」`).join('、')}
                </Typography.Text>
              </Space>
            </Card>
          </List.Item>
        )}
      />
    </Space>
  );
}
