import { useEffect } from 'react';

/** A video of one track and where its first frame lies on the lesson's clock. */
export interface SyncedVideo {
  video: HTMLVideoElement;
  /** Seconds after the lesson's reference start that the track's camera began (may be negative). */
  offset: number;
}

const CHECK_MS = 200;
// Beyond this a follower jumps; below it, it catches up by playing faster or slower (followers are
// muted, so a changed speed is not heard), closing most of any drift within a second or two.
const JUMP_S = 0.6;
// Drift this small is left alone: a video's clock moves in frame steps (40 ms at 25 fps).
const SETTLED_S = 0.04;
const GAIN = 0.8;
const MAX_NUDGE = 0.3;

/** Where a follower should be when the leader is at `leaderTime`, on the one lesson clock. */
export function followerTime(leaderTime: number, leaderOffset: number, followerOffset: number): number {
  return leaderTime + leaderOffset - followerOffset;
}

/** The follower's speed relative to the leader's that closes a drift (follower ahead: > 0) without a jump. */
export function catchUpRate(drift: number): number {
  if (Math.abs(drift) <= SETTLED_S) return 1;
  return 1 - Math.max(-MAX_NUDGE, Math.min(MAX_NUDGE, drift * GAIN));
}

/**
 * Keeps up to four videos of one lesson in step on one clock: the leader's (the main picture).
 * Each follower is held at the leader's lesson time minus its own start offset — waiting at its
 * first frame until its camera began, resting on its last once it ended. Play, pause, seek and
 * speed are repeated at once; drift is measured five times a second and corrected (by the time it
 * reaches 0.1 s it is being closed): by speed below 0.6 s, by a seek beyond.
 */
export function useSyncedTracks(leader: SyncedVideo | null, followers: readonly SyncedVideo[]): void {
  useEffect(() => {
    if (!leader || !followers.length) return;
    const lead = leader.video;

    /** Puts one follower where it belongs; `hard` seeks even a small drift (after a seek or a pause). */
    const place = (f: SyncedVideo, hard: boolean) => {
      const video = f.video;
      if (video.readyState < 1) return; // no metadata yet: it is placed on loadedmetadata
      const target = followerTime(lead.currentTime, leader.offset, f.offset);
      const end = Number.isFinite(video.duration) ? video.duration : Infinity;
      const outside = target < 0 || target >= end;
      if (outside || lead.paused || lead.seeking) {
        if (!video.paused) video.pause();
        const rest = Math.min(Math.max(target, 0), Number.isFinite(end) ? end : 0);
        if (Math.abs(video.currentTime - rest) > SETTLED_S && !video.seeking) video.currentTime = rest;
        video.playbackRate = lead.playbackRate;
        return;
      }
      const drift = video.currentTime - target;
      if (hard || Math.abs(drift) > JUMP_S) {
        if (!video.seeking && Math.abs(drift) > SETTLED_S) video.currentTime = target;
        video.playbackRate = lead.playbackRate;
      } else {
        video.playbackRate = lead.playbackRate * catchUpRate(drift);
      }
      if (video.paused && !video.seeking) void video.play().catch(() => undefined);
    };
    const placeAll = (hard: boolean) => () => followers.forEach((f) => place(f, hard));
    const hardAll = placeAll(true);
    const tick = placeAll(false);

    lead.addEventListener('play', hardAll);
    lead.addEventListener('pause', hardAll);
    lead.addEventListener('seeked', hardAll);
    lead.addEventListener('ratechange', tick);
    const loaded = followers.map((f) => {
      const onLoaded = () => place(f, true);
      f.video.addEventListener('loadedmetadata', onLoaded);
      return () => f.video.removeEventListener('loadedmetadata', onLoaded);
    });
    hardAll();
    const timer = setInterval(tick, CHECK_MS);

    return () => {
      clearInterval(timer);
      lead.removeEventListener('play', hardAll);
      lead.removeEventListener('pause', hardAll);
      lead.removeEventListener('seeked', hardAll);
      lead.removeEventListener('ratechange', tick);
      loaded.forEach((off) => off());
      followers.forEach((f) => {
        f.video.playbackRate = lead.playbackRate;
      });
    };
  }, [leader, followers]);
}
