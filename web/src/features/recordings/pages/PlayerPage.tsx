import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Flex, Popconfirm, Result, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { can, canAsRoomKeeper } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { deleteRecording, getRecording } from '../api/recordings.api';
import { LessonPlayer, type LessonPlayerHandle, type PlayerMarker } from '../components/LessonPlayer';
import { LessonComments } from '../../research/components/comments/LessonComments';
import { StCoding } from '../../research/components/st/StCoding';
import { TrackOffsets } from '../components/TrackOffsets';
import { CountsCell, formatDuration, RecordingState } from '../components/RecordingState';
import { ReuseFlag } from '../components/ReuseFlag';
import { formatInstant } from '../../../app/time';
import { LiveReplayCard, replayTrackLabels, useLiveReplay } from '../../live/replay/LiveReplayCard';

const POLL_MS = 3_000;

/** One lesson: the player when it is ready, its processing progress or failure reason before. */
export default function PlayerPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data, error, reload } = useApi((signal) => getRecording(id, signal), [id]);
  const pending = data?.status === 'queued' || data?.status === 'processing';
  // Bumped when the tracks' offsets change: the player starts again with them.
  const [playerRound, setPlayerRound] = useState(0);
  // The research tools outside any activity under the player (评课, S-T coding) drive it through its handle; comments mark its seek bar.
  const [player, setPlayer] = useState<LessonPlayerHandle | null>(null);
  const [markerSets, setMarkerSets] = useState<Record<string, readonly PlayerMarker[]>>({});
  const showMarkers = useCallback((key: string, list: readonly PlayerMarker[]) => setMarkerSets((before) => ({ ...before, [key]: list })), []);
  const markers = useMemo(() => Object.values(markerSets).flat(), [markerSets]);
  // A 专递课堂 replay: its classrooms name the tracks, its hands and polls mark the seek bar.
  const liveReplay = useLiveReplay(data?.groupId);

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [pending, reload]);

  if (!Number.isInteger(id) || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('status.notFoundTitle')}
        subTitle={t('errors.NOT_FOUND')}
        extra={<Link to="/recordings"><Button type="primary">{t('common.back')}</Button></Link>}
      />
    );
  }
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <FullPageSpin height={320} />;

  async function onDelete() {
    try {
      await deleteRecording(id);
      void message.success(t('player.deleted'));
      navigate('/recordings', { replace: true });
    } catch (reason) {
      void message.error(errorText(reason));
    }
  }

  const when = `${formatInstant(data.lessonStart)}${data.lessonEnd ? `–${formatInstant(data.lessonEnd, 'HH:mm')}` : ''}`;
  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/recordings">{t('recordings.title')}</Link> }, { title: data.title }]} />
      <Card variant="borderless">
        <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 12 }}>
          <Flex vertical gap={4}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {data.title}{liveReplay ? <Tag color="purple" style={{ marginInlineStart: 8 }} data-testid="live-replay-tag">{t('liveReplay.tag')}</Tag> : null}
            </Typography.Title>
            <Typography.Text type="secondary">
              {[data.schoolName, when, data.subject, data.grade, data.teacherName].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
          {data.status === 'ready' && data.hasVideo && can(me, 'resource:write') ? (
            <Link to={`/resources/publish?recording=${data.id}`}><Button data-testid="publish-to-library">{t('resourcesLibrary.publishFromRecording')}</Button></Link>
          ) : null}
          {canAsRoomKeeper(me, 'recording:delete') ? (
            <Flex gap={8} wrap>
              {data.tracks.length > 1 ? <TrackOffsets tracks={data.tracks} onSaved={() => { reload(); setPlayerRound((n) => n + 1); }} /> : null}
              <Popconfirm title={t('player.deleteConfirm')} description={t('player.deleteHelp')} okButtonProps={{ danger: true }} onConfirm={onDelete}>
                <Button danger icon={<DeleteOutlined />}>{t('player.delete')}</Button>
              </Popconfirm>
            </Flex>
          ) : null}
        </Flex>
        {data.status === 'ready' && data.hasVideo ? (
          <LessonPlayer key={`${data.id}:${playerRound}`} recordingId={data.id} track={data.track} onHandle={setPlayer} markers={markers} trackLabels={replayTrackLabels(liveReplay)} />
        ) : (
          <Flex vertical gap={8} style={{ maxWidth: 480, padding: '24px 0' }} data-testid="recording-pending">
            <RecordingState recording={data} wide />
            <Typography.Text type="secondary">
              {data.status === 'ready' ? t('recordOnly.help') : data.status === 'failed' ? t('player.failedHelp') : t('player.processingHelp')}
            </Typography.Text>
          </Flex>
        )}
      </Card>
      {liveReplay ? <LiveReplayCard replay={liveReplay} player={player} showMarkers={showMarkers} /> : null}
      {data.status === 'ready' && data.hasVideo && can(me, 'research:read') ? (
        <Card variant="borderless" title={t('researchComments.title')}>
          <LessonComments
            ctx={{
              activity: null, recordingId: data.id, player, showMarkers,
              lesson: { schoolId: data.schoolId, groupId: data.groupId, teacherUserId: data.teacherUserId, title: data.title, durationSeconds: data.durationSeconds },
            }}
          />
        </Card>
      ) : null}
      <Card variant="borderless" title={t('player.details')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'status', label: t('recordings.status'), children: <RecordingState recording={data} /> },
            { key: 'counts', label: t('recordings.countsColumn'), children: <CountsCell recording={data} inline /> },
            ...(data.reuse ? [{ key: 'reuse', label: t('recordingReuse.label'), children: <ReuseFlag recording={data} inline /> }] : []),
            { key: 'duration', label: t('recordings.duration'), children: formatDuration(data.durationSeconds) },
            { key: 'day', label: t('player.schoolDay'), children: data.schoolDay },
            {
              key: 'tracks',
              label: t('player.tracks'),
              children: data.tracks.map((item) => (
                <Tag key={item.id} color={item.status === 'ready' ? 'blue' : item.status === 'failed' ? 'red' : 'default'}>
                  {t(`tracks.${item.track}`)} · {t(`recordingStatuses.${item.status}`)}
                  {item.startOffsetMs ? ` · ${t('multiTrack.startsAt', { value: (item.startOffsetMs / 1000).toFixed(1) })}` : ''}
                </Tag>
              )),
            },
            { key: 'packaging', label: t('player.packaging'), children: data.packaging ? t(`player.packagings.${data.packaging}`) : '—' },
            { key: 'size', label: t('player.size'), children: `${(data.sizeBytes / 1024 ** 2).toFixed(1)} MB` },
            { key: 'sha', label: 'SHA-256', children: <Typography.Text code copyable={{ text: data.sha256 }}>{data.sha256.slice(0, 16)}…</Typography.Text> },
          ]}
        />
      </Card>
      {data.status === 'ready' && data.hasVideo && can(me, 'research:read') ? (
        <Card variant="borderless" title={t('researchSt.title')}>
          <StCoding
            ctx={{
              activity: null, recordingId: data.id, player,
              lesson: { schoolId: data.schoolId, groupId: data.groupId, teacherUserId: data.teacherUserId, title: data.title, durationSeconds: data.durationSeconds },
            }}
          />
        </Card>
      ) : null}
    </Flex>
  );
}
