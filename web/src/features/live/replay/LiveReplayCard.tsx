import { useEffect, useMemo } from 'react';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Track } from '@shared/api-types';
import type { LiveReplay, LiveReplayMarker } from '@shared/live-replay-api-types';
import { useApi } from '../../../api/use-api';
import type { LessonPlayerHandle, PlayerMarker } from '../../recordings/components/LessonPlayer';
import { formatDuration } from '../../recordings/components/RecordingState';
import { getLiveReplay, liveSessionOfGroup } from './replay.api';

const KIND_KEYS = {
  'hand.raise': 'handRaise', 'hand.call': 'handCall', 'poll.open': 'pollOpen', 'poll.close': 'pollClose', question: 'question',
} as const satisfies Record<LiveReplayMarker['kind'], string>;

/**
 * The live class behind a lesson, when the lesson is a 专递课堂 replay (null otherwise, without a
 * request): the player names each track by its classroom and marks the hands and polls.
 */
export function useLiveReplay(groupId: string | undefined): LiveReplay | null {
  const sessionId = liveSessionOfGroup(groupId);
  const { data } = useApi((signal) => (sessionId ? getLiveReplay(sessionId, signal) : Promise.resolve(null)), [sessionId]);
  return data ?? null;
}

/** Track names for the player: each replay track is a classroom. */
export function replayTrackLabels(replay: LiveReplay | null): Partial<Record<Track, string>> | undefined {
  if (!replay) return undefined;
  const out: Partial<Record<Track, string>> = {};
  for (const room of replay.rooms) if (room.track) out[room.track] = `${room.schoolName} · ${room.roomName}`;
  return out;
}

/**
 * The 专递课堂 card beside the player: the classrooms (lead and receiving) and the interaction
 * record, each hand and poll a seek-bar marker and a line that jumps there.
 */
export function LiveReplayCard({ replay, player, showMarkers }: {
  replay: LiveReplay;
  player: LessonPlayerHandle | null;
  showMarkers: (key: string, list: readonly PlayerMarker[]) => void;
}) {
  const { t } = useTranslation();
  const label = (m: LiveReplayMarker) => t('liveReplay.markerLabel', {
    kind: t(`liveReplay.kinds.${KIND_KEYS[m.kind]}`),
    what: [m.roomName ?? t('liveReplay.wholeClass'), m.text].filter(Boolean).join(' · '),
  });
  const markers = useMemo<PlayerMarker[]>(
    () => replay.markers.map((m) => ({ key: `live-${m.id}`, atMs: m.atMs, label: label(m) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [replay, t],
  );
  useEffect(() => {
    showMarkers('liveReplay', markers);
  }, [markers, showMarkers]);
  useEffect(() => () => showMarkers('liveReplay', []), [showMarkers]);

  return (
    <Card variant="borderless" title={<Flex gap={8} align="center"><Tag color="purple">{t('liveReplay.tag')}</Tag>{t('liveReplay.title')}</Flex>} data-testid="live-replay">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{replay.recordingId ? t('liveReplay.help') : t('liveReplay.notReady')}</Typography.Text>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{t('liveReplay.rooms')}</Typography.Text>
          {replay.rooms.map((room) => (
            <Tag key={room.roomId} color={room.lead ? 'blue' : 'default'}>
              {room.lead ? t('liveReplay.lead') : t('liveReplay.receiving')} · {room.schoolName} · {room.roomName}
              {room.track ? '' : ` · ${t('liveReplay.noTrack')}`}
            </Tag>
          ))}
        </Flex>
        <Typography.Text strong>{t('liveReplay.markers')}</Typography.Text>
        {replay.markers.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('liveReplay.noMarkers')} />
        ) : (
          <List
            size="small"
            dataSource={replay.markers}
            data-testid="live-replay-markers"
            renderItem={(m) => (
              <List.Item>
                <Button type="link" size="small" disabled={!player} onClick={() => player?.seekLessonMs(m.atMs)}>
                  {formatDuration(m.atMs / 1000)}
                </Button>
                <Typography.Text>{label(m)}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Flex>
    </Card>
  );
}
