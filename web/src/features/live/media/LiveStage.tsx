import { Alert, Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveMediaView } from '@shared/live';
import { currentCsrfToken } from '../../../api/client';
import { ModeBanner } from './ModeBanner';
import { useLiveWall } from './use-live-wall';
import { connectJanus, feedIdFor, publishClassCamera, watchLeadStream } from './janus-client';
import { playLiveHls } from './hls-live';

interface Props {
  media: LiveMediaView;
  /** Lead role: the receiving room whose audio is up (called on by the interaction panel); every other feed stays muted. */
  unmutedRoomId?: number | null;
}

/**
 * The live stage of a session page: the lead room's video for receiving rooms and watchers (and the
 * receiving room's own camera sent back), the wall of receiving classes for the lead teacher, and
 * the mode banner (单向直播 and why).
 */
export function LiveStage({ media, unmutedRoomId = null }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const lead = useRef<HTMLVideoElement | null>(null);
  const self = useRef<HTMLVideoElement | null>(null);
  const wall = useLiveWall(media, setError);

  useEffect(() => {
    if (media.role === 'lead') return;
    const video = lead.current;
    if (!video) return;
    let stops: Array<() => void> = [];
    let cancelled = false;
    const keep = (stop: () => void) => { if (cancelled) stop(); else stops.push(stop); };
    (async () => {
      if (media.mode === 'hls' && media.hls) { keep(await playLiveHls(video, media.hls.playlistUrl, setError)); return; }
      const j = media.janus;
      if (!j) return;
      const link = await connectJanus(j.server, currentCsrfToken);
      keep(link.close);
      keep(await watchLeadStream(link, j.streamId, j.streamPin, video));
      if (media.role === 'receiving' && media.roomId !== null) {
        keep(await publishClassCamera(link, j.videoRoom, j.videoRoomPin, j.display, feedIdFor(media.roomId), self.current ?? undefined));
      }
    })().catch((e: Error) => setError(e.message));
    return () => { cancelled = true; for (const s of stops.reverse()) s(); stops = []; };
  }, [media]);

  return (
    <div data-testid="live-stage" data-mode={media.mode} data-role={media.role}>
      <ModeBanner media={media} />
      {error && <Alert type="error" showIcon message={t('liveMedia.failed', { message: error })} style={{ marginBottom: 12 }} />}
      {media.role !== 'lead' ? (
        <Row gutter={12}>
          <Col xs={24} md={media.role === 'receiving' && media.mode === 'webrtc' ? 16 : 24}>
            <Card size="small" title={t('liveMedia.leadPicture')}>
              <video ref={lead} data-testid="live-lead-video" autoPlay playsInline style={{ width: '100%', background: '#000' }} />
            </Card>
          </Col>
          {media.role === 'receiving' && media.mode === 'webrtc' && (
            <Col xs={24} md={8}>
              <Card size="small" title={t('liveMedia.myCamera')}>
                <video ref={self} data-testid="live-self-video" autoPlay playsInline muted style={{ width: '100%', background: '#000' }} />
              </Card>
            </Col>
          )}
        </Row>
      ) : (
        <Card size="small" title={t('liveMedia.wall')}>
          {wall.length === 0 ? <Empty description={t('liveMedia.wallEmpty')} /> : (
            <Row gutter={[12, 12]}>
              {wall.map((f) => (
                <Col key={f.feedId} xs={24} md={12} lg={8}>
                  <WallTile stream={f.stream} roomId={f.roomId} unmuted={f.roomId !== null && f.roomId === unmutedRoomId} />
                </Col>
              ))}
            </Row>
          )}
        </Card>
      )}
    </div>
  );
}

function WallTile({ stream, roomId, unmuted }: { stream: MediaStream; roomId: number | null; unmuted: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLVideoElement | null>(null);
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    if (v.srcObject !== stream) v.srcObject = stream;
    void v.play().catch(() => {});
  }, [stream]);
  return (
    <div data-testid="live-wall-feed" data-room-id={roomId ?? ''}>
      <video ref={ref} autoPlay playsInline muted={!unmuted} style={{ width: '100%', background: '#000' }} />
      <Typography.Text>{t('liveMedia.room', { id: roomId ?? '?' })}</Typography.Text>{' '}
      <Tag color={unmuted ? 'green' : 'default'}>{unmuted ? t('liveMedia.onStage') : t('liveMedia.muted')}</Tag>
    </div>
  );
}
