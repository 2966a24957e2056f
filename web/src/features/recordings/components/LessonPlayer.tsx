import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Flex, Segmented, Typography } from 'antd';
import { AppstoreOutlined, BorderOutlined, FullscreenOutlined, PictureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Playback, Track } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { useMe } from '../../../app/auth';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { TRACKS } from '../../rooms/api/rooms.api';
import { HlsVideo } from './HlsVideo';
import { formatDuration } from './RecordingState';
import { savedPosition, savePosition } from './resume-position';
import { type PlayerMarker, ScrubBar } from './ScrubBar';
import { useScrubTiles } from './scrub-thumbnails';
import { isNoMedia, usePlayback } from './use-playback';
import { type SyncedVideo, useSyncedTracks } from './use-synced-tracks';
import { Watermark } from './Watermark';

type PlaybackTrack = Playback['tracks'][number];

/**
 * The player as the tools beside it see it (comments at a time, S-T coding, rubric scoring): the
 * lesson's clock in milliseconds — the main picture's time plus its track's start offset — and a
 * seek on that clock. Handed out again whenever the main picture changes.
 */
export interface LessonPlayerHandle {
  video: HTMLVideoElement;
  lessonMs(): number;
  seekLessonMs(ms: number): void;
}
export type { PlayerMarker } from './ScrubBar';
/** One picture; all tracks side by side in a grid; the main picture with the others small in a corner. */
type Layout = 'single' | 'grid' | 'pip';

const SAVE_EVERY_S = 5;
/** The most pictures shown at once: beyond four, each is too small to read a blackboard. */
const MAX_SHOWN = 4;
const seconds = (ms: number) => ms / 1000;

/** The tracks shown in a layout: the main one alone, or up to four, the main one always among them. */
function shownTracks(tracks: PlaybackTrack[], main: PlaybackTrack, layout: Layout): PlaybackTrack[] {
  if (layout === 'single') return [main];
  const first = tracks.slice(0, MAX_SHOWN);
  return first.includes(main) ? first : [...first.slice(0, MAX_SHOWN - 1), main];
}

/**
 * Plays a ready lesson: one track with a track switch, or up to four in a grid or as picture in
 * picture, kept in step on the main picture's clock with each track's start offset (cameras that
 * began seconds apart). The seek bar shows the scrub thumbnails on hover. Resumes where this
 * browser left off, renews the media tokens while playing, and overlays the viewer's name and time.
 */
export function LessonPlayer({ recordingId, track, onHandle, markers, trackLabels }: {
  recordingId: number;
  track: Track;
  /** Told the player's handle once the main picture plays, and null when it goes. */
  onHandle?: (handle: LessonPlayerHandle | null) => void;
  /** Moments marked on the seek bar (comments), on the lesson's clock; clicking one seeks there. */
  markers?: readonly PlayerMarker[];
  /** Names shown instead of the tracks' own (a live class's replay names each track by its classroom). */
  trackLabels?: Partial<Record<Track, string>>;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { playback, error, rewrite, renewNow } = usePlayback(recordingId, true);
  const stage = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState<Track>(track);
  const [layout, setLayout] = useState<Layout>('single');
  const [videos, setVideos] = useState<ReadonlyMap<number, HTMLVideoElement>>(new Map());
  const [fatal, setFatal] = useState<string | null>(null);
  const [resumedAt] = useState(() => savedPosition(recordingId));
  const [dismissedResume, setDismissedResume] = useState(false);
  // The lesson time (on the lesson's clock) and play state to start newly shown pictures at.
  const handover = useRef<{ lessonAt: number; playing: boolean } | null>(null);

  const tracks = useMemo(
    () => (playback ? [...playback.tracks].sort((a, b) => TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track)) : []),
    [playback],
  );
  const main = tracks.find((item) => item.track === current) ?? tracks[0];
  const shown = main ? shownTracks(tracks, main, layout) : [];
  const leaderVideo = main ? videos.get(main.recordingId) ?? null : null;
  const tiles = useScrubTiles(main?.thumbnails, rewrite);

  // Stable objects for the sync: rebuilt only when a picture, a role or an offset changes.
  const shownKey = shown.map((item) => `${item.recordingId}:${item.startOffsetMs}:${videos.has(item.recordingId)}`).join('|');
  const leader = useMemo<SyncedVideo | null>(
    () => (main && leaderVideo ? { video: leaderVideo, offset: seconds(main.startOffsetMs) } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [leaderVideo, main?.startOffsetMs],
  );
  const followers = useMemo<SyncedVideo[]>(
    () => shown.filter((item) => item !== main && videos.has(item.recordingId))
      .map((item) => ({ video: videos.get(item.recordingId)!, offset: seconds(item.startOffsetMs) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shownKey, main?.recordingId],
  );
  useSyncedTracks(leader, followers);

  useEffect(() => {
    if (!onHandle) return;
    if (!leaderVideo || !main) {
      onHandle(null);
      return;
    }
    const offset = main.startOffsetMs;
    onHandle({
      video: leaderVideo,
      lessonMs: () => Math.round(leaderVideo.currentTime * 1000) + offset,
      seekLessonMs: (ms) => { leaderVideo.currentTime = Math.max(0, (ms - offset) / 1000); },
    });
    return () => onHandle(null);
  }, [leaderVideo, main?.startOffsetMs, onHandle]);

  // The main picture is heard; the others are muted (their sound is the same lesson from elsewhere).
  useEffect(() => {
    for (const [id, video] of videos) if (id !== main?.recordingId) video.muted = true;
  }, [videos, main?.recordingId]);

  // Remember the place every few seconds and on pause; forget it at the end.
  useEffect(() => {
    if (!leaderVideo) return;
    const video = leaderVideo;
    let lastSaved = 0;
    const save = () => savePosition(recordingId, video.currentTime, video.duration);
    const tick = () => {
      if (Math.abs(video.currentTime - lastSaved) >= SAVE_EVERY_S) {
        lastSaved = video.currentTime;
        save();
      }
    };
    video.addEventListener('timeupdate', tick);
    video.addEventListener('pause', save);
    video.addEventListener('ended', save);
    window.addEventListener('pagehide', save);
    return () => {
      video.removeEventListener('timeupdate', tick);
      video.removeEventListener('pause', save);
      video.removeEventListener('ended', save);
      window.removeEventListener('pagehide', save);
    };
  }, [leaderVideo, recordingId]);

  if (error && !playback) return <Alert type={isNoMedia(error) ? 'info' : 'error'} showIcon title={errorText(error)} />;
  if (!playback || !main) return <FullPageSpin height={240} />;

  /** Remembers where the lesson is, so pictures shown next start there. */
  function handOver() {
    if (leaderVideo && main) handover.current = { lessonAt: leaderVideo.currentTime + seconds(main.startOffsetMs), playing: !leaderVideo.paused };
  }
  function chooseMain(next: Track) {
    handOver();
    const previous = leaderVideo;
    const nextTrack = tracks.find((item) => item.track === next);
    const nextVideo = nextTrack ? videos.get(nextTrack.recordingId) : undefined;
    // Already on the stage: it keeps playing and takes over the sound.
    if (nextVideo && previous) nextVideo.muted = previous.muted;
    setCurrent(next);
  }
  const startOf = (item: PlaybackTrack) => {
    const at = handover.current ? handover.current.lessonAt - seconds(item.startOffsetMs) : (resumedAt ?? 0);
    return Math.max(0, at);
  };
  const register = (id: number) => (element: HTMLVideoElement | null) => {
    setVideos((before) => {
      if (element ? before.get(id) === element : !before.has(id)) return before;
      const next = new Map(before);
      if (element) next.set(id, element);
      else next.delete(id);
      return next;
    });
  };

  const trackName = (name: Track) => trackLabels?.[name] ?? t(`tracks.${name}`);
  const trackOptions = tracks.map((item) => ({ value: item.track, label: trackName(item.track) }));
  const layoutOptions = [
    { value: 'single', label: t('multiTrack.single'), icon: <BorderOutlined /> },
    { value: 'grid', label: t('multiTrack.grid'), icon: <AppstoreOutlined /> },
    { value: 'pip', label: t('multiTrack.pip'), icon: <PictureOutlined /> },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Flex wrap gap={12} align="center">
          {tracks.length > 1 ? (
            <Segmented
              value={current}
              options={trackOptions}
              onChange={(value) => chooseMain(value as Track)}
              aria-label={t('multiTrack.main')}
              data-testid="track-switch"
            />
          ) : (
            <Typography.Text>{trackName(main.track)}</Typography.Text>
          )}
          {tracks.length > 1 ? (
            <Segmented
              value={layout}
              options={layoutOptions}
              onChange={(value) => { handOver(); setLayout(value as Layout); }}
              aria-label={t('multiTrack.layout')}
              data-testid="player-layout"
            />
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
            <Button size="small" onClick={() => { if (leaderVideo) leaderVideo.currentTime = 0; setDismissedResume(true); }}>
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
        <div className={`player-videos layout-${layout} count-${shown.length}`}>
          {shown.map((item) => {
            const isMain = item === main;
            // Picture in picture: the others stacked down the main picture's right edge.
            const pipIndex = shown.filter((other) => other !== main).indexOf(item);
            const pipStyle = layout === 'pip' && !isMain ? { top: `${2 + pipIndex * 26}%` } : undefined;
            return (
              <div
                key={item.recordingId}
                className={isMain ? 'player-tile main' : 'player-tile other'}
                onClick={isMain ? undefined : () => chooseMain(item.track)}
                title={isMain ? undefined : t('multiTrack.makeMain', { track: trackName(item.track) })}
                data-track={item.track}
                data-offset-ms={item.startOffsetMs}
                data-role={isMain ? 'main' : 'other'}
                style={pipStyle}
              >
                <HlsVideo
                  master={item.master}
                  poster={item.poster}
                  rewrite={rewrite}
                  onForbidden={renewNow}
                  startAt={startOf(item)}
                  autoPlay={isMain ? handover.current?.playing ?? false : false}
                  controls={isMain}
                  muted={!isMain}
                  onVideo={register(item.recordingId)}
                  onFatal={setFatal}
                  testId={isMain ? 'player-video' : 'player-video-follower'}
                />
                {layout !== 'single' ? <span className="player-tile-label">{trackName(item.track)}</span> : null}
              </div>
            );
          })}
        </div>
        <Watermark name={me.name} username={me.username} />
      </div>
      <ScrubBar video={leaderVideo} tiles={tiles} rewrite={rewrite} markers={markers} offsetMs={main.startOffsetMs} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('player.watermarkNote')}</Typography.Text>
    </Flex>
  );
}
