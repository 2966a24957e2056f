import { Alert, Button, Descriptions, Popconfirm, Space, Tag, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatInstant } from '../../../app/time';
import { endLiveSession, getLiveSession, liveSessionMedia, startLiveSession } from '../api/live-schedule.api';
import { InteractionPanel } from '../interaction/InteractionPanel';
import { LiveStage } from '../media/LiveStage';

/**
 * One live session (/live/sessions/:id): its rooms and status, start and end for the lead, the
 * live stage (media area) and the interaction panel (interaction area). The caller's part and room
 * come from the server, never from the page.
 */
export default function LiveSessionPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = Number(useParams().id);
  const session = useApi((signal) => getLiveSession(id, signal), [id]);
  const s = session.data;
  const live = s?.status === 'live';
  const media = useApi((signal) => (live ? liveSessionMedia(id, s?.roomId ?? null, signal) : Promise.resolve(null)), [id, live, s?.roomId]);
  // The room the lead called on (from the interaction channel): its sound is up on the lead's wall.
  const [stage, setStage] = useState<number | null>(null);

  async function act(run: () => Promise<unknown>, done: string) {
    try {
      await run();
      void message.success(done);
      session.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  }

  if (session.error) return <ErrorAlert error={session.error} onRetry={session.reload} />;
  if (!s) return null;
  return (
    <>
      <PageHeader
        title={s.title}
        note={<Link to="/live">{t('liveSchedule.session.back')}</Link>}
        extra={s.canControl ? (
          <Space>
            {s.status === 'scheduled' ? <Button type="primary" onClick={() => act(() => startLiveSession(id), t('liveSchedule.session.started'))} data-testid="live-start">{t('liveSchedule.session.start')}</Button> : null}
            {live ? (
              <Popconfirm title={t('liveSchedule.session.endConfirm')} onConfirm={() => act(() => endLiveSession(id), t('liveSchedule.session.ended'))}>
                <Button danger data-testid="live-end">{t('liveSchedule.session.end')}</Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : undefined}
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('liveSchedule.columns.status')}>
          <Tag color={live ? 'red' : 'default'} data-testid="live-session-status">{t(`liveSchedule.statuses.${s.status}`)}</Tag>
          {s.mode ? <Tag>{t(`liveSchedule.modes.${s.mode}`)}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('liveSchedule.columns.when')}>{formatInstant(s.startsAt)}–{formatInstant(s.endsAt, 'HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={t('liveSchedule.session.yourPart')}><Tag color="blue">{t(`liveSchedule.roles.${s.role}`)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('liveSchedule.session.leadRoom')}>{s.lead.schoolName}「{s.lead.roomName}」· {s.leadTeacherName}</Descriptions.Item>
        <Descriptions.Item label={t('liveSchedule.session.receivingRoom')} span={2}>
          {s.receiving.map((r) => `${r.schoolName}「${r.roomName}」`).join('、')}
        </Descriptions.Item>
      </Descriptions>
      {s.status === 'scheduled' ? <Alert type="info" showIcon message={t('liveSchedule.session.notLive')} style={{ marginBottom: 12 }} /> : null}
      {s.status === 'ended' ? <Alert type="success" showIcon message={t('liveSchedule.session.over')} style={{ marginBottom: 12 }} /> : null}
      {media.error ? <ErrorAlert error={media.error} onRetry={media.reload} /> : null}
      {live && media.data ? <LiveStage media={media.data} unmutedRoomId={stage} /> : null}
      <InteractionPanel sessionId={s.id} role={s.role} roomId={s.roomId} onStage={setStage} />
    </>
  );
}
