import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Select, Segmented, Switch, Typography } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Playback, Track } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { useMe } from '../../../app/auth';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { TRACKS } from '../../rooms/api/rooms.api';
import { HlsVideo } from './HlsVideo';
import { formatDuration } from './RecordingState';
import { savedPosition, savePosition } from './resume-position';
import { isNoMedia, usePlayback } from './use-playback';
import { useSyncedPair } from './use-synced-pair';
import { Watermark } from './Watermark';

type PlaybackTrack = Playback['tracks'][number];

const SAVE_EVERY_S = 5;

/** The lesson's default pair to watch side by side: teacher and blackboard when both exist. */
function defaultPair(tracks: PlaybackTrack[], current: Track): [Track, Track] | null {
  if (tracks.length < 2) return null;
  const has = (track: Track) => tracks.some((item) => item.track === track);
  const first = has('teacher') ? 'teacher' : current;
  const second = has('blackboard') && first !== 'blackboard' ? 'blackboard' : tracks.find((item) => item.track !== first)!.track;
  return [first, second];
}

/**
 * Plays a ready lesson: one track with a track switch, or two side by side in step. Resumes
 * where this browser left off, renews the media tokens while playing, and overlays the viewer's
 * name and the time.
 */
export function LessonPlayer({ recordingId, track }: { recordingId: number; track: Track }) {
  const me = useMe();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { playback, error, rewrite, renewNow } = usePlayback(recordingId, true);
  const stage = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState<Track>(track);
  const [pair, setPair] = useState<[Track, Track] | null>(null);
  const [leader, setLeader] = useState<HTMLVideoElement | null>(null);
  const [follower, setFollower] = useState<HTMLVideoElement | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [resumedAt] = useState(() => savedPosition(recordingId));
  const [dismissedResume, setDismissedResume] = useState(false);
  const handover = useRef<{ at: number; playing: boolean }>({ at: resumedAt ?? 0, playing: false });

  useSyncedPair(pair ? leader : null, pair ? follower : null);

  // Remember the place every few seconds and on pause; forget it at the end.
  useEffect(() => {
    if (!leader) return;
    let lastSaved = 0;
    const save = () => savePosition(recordingId, leader.currentTime, leader.duration);
    const tick = () => {
      if (Math.abs(leader.currentTime - lastSaved) >= SAVE_EVERY_S) {
        lastSaved = leader.currentTime;
        save();
      }
    };
    leader.addEventListener('timeupdate', tick);
    leader.addEventListener('pause', save);
    leader.addEventListener('ended', save);
    window.addEventListener('pagehide', save);
    return () => {
      leader.removeEventListener('timeupdate', tick);
      leader.removeEventListener('pause', save);
      leader.removeEventListener('ended', save);
      window.removeEventListener('pagehide', save);
    };
  }, [leader, recordingId]);

  if (error && !playback) return <Alert type={isNoMedia(error) ? 'info' : 'error'} showIcon title={errorText(error)} />;
  if (!playback) return <FullPageSpin height={240} />;
  const tracks = [...playback.tracks].sort((a, b) => TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track));
  const find = (which: Track) => tracks.find((item) => item.track === which) ?? tracks[0]!;
  const suggestedPair = defaultPair(tracks, current);

  /** Remembers where the leader is, so the next video starts there. */
  function handOver() {
    if (leader) handover.current = { at: leader.currentTime, playing: !leader.paused };
  }

  const trackOptions = tracks.map((item) => ({ value: item.track, label: t(`tracks.${item.track}`) }));
  const video = (item: PlaybackTrack, role: 'leader' | 'follower') => (
    <HlsVideo
      key={`${role}-${item.recordingId}`}
      master={item.master}
      poster={item.poster}
      rewrite={rewrite}
      onForbidden={renewNow}
      startAt={handover.current.at}
      autoPlay={role === 'leader' ? handover.current.playing : false}
      controls={role === 'leader'}
      muted={role === 'follower'}
      onVideo={role === 'leader' ? setLeader : setFollower}
      onFatal={setFatal}
      testId={role === 'leader' ? 'player-video' : 'player-video-follower'}
    />
  );

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Flex wrap gap={12} align="center">
          {pair ? (
            <>
              <Select
                value={pair[0]}
                options={trackOptions}
                onChange={(value: Track) => { handOver(); setPair([value, value === pair[1] ? pair[0] : pair[1]]); }}
                aria-label={t('player.left')}
                style={{ width: 140 }}
              />
              <Select
                value={pair[1]}
                options={trackOptions}
                onChange={(value: Track) => { handOver(); setPair([value === pair[0] ? pair[1] : pair[0], value]); }}
                aria-label={t('player.right')}
                style={{ width: 140 }}
              />
            </>
          ) : tracks.length > 1 ? (
            <Segmented
              value={current}
              options={trackOptions}
              onChange={(value) => { handOver(); setCurrent(value as Track); }}
              data-testid="track-switch"
            />
          ) : (
            <Typography.Text>{t(`tracks.${tracks[0]!.track}`)}</Typography.Text>
          )}
          {suggestedPair ? (
            <Flex gap={6} align="center">
              <Switch
                checked={pair !== null}
                onChange={(on) => { handOver(); setPair(on ? suggestedPair : null); if (!on && pair) setCurrent(pair[0]); }}
                data-testid="side-by-side"
              />
              <span>{t('player.sideBySide')}</span>
            </Flex>
          ) : null}
        </Flex>
        <Button icon={<FullscreenOutlined />} onClick={() => void stage.current?.requestFullscreen?.()}>
          {t('player.fullscreen')}
        </Button>
      </Flex>
      {resumedAt && !dismissedResume ? (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setDismissedResume(true) }}
          title={t('player.resumed', { time: formatDuration(resumedAt) })}
          action={
            <Button size="small" onClick={() => { if (leader) leader.currentTime = 0; setDismissedResume(true); }}>
              {t('player.fromStart')}
            </Button>
          }
        />
      ) : null}
      {fatal ? <Alert type="error" showIcon title={fatal} /> : null}
      <div
        ref={stage}
        className="player-stage"
        onDoubleClick={() => (document.fullscreenElement ? void document.exitFullscreen() : void stage.current?.requestFullscreen?.())}
        data-testid="player-stage"
      >
        <div className={pair ? 'player-videos side-by-side' : 'player-videos'}>
          {pair ? (
            <>
              {video(find(pair[0]), 'leader')}
              {video(find(pair[1]), 'follower')}
            </>
          ) : (
            video(find(current), 'leader')
          )}
        </div>
        <Watermark name={me.name} username={me.username} />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('player.watermarkNote')}</Typography.Text>
    </Flex>
  );
}
