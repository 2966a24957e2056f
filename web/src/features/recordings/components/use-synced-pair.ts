import { useEffect } from 'react';

const CHECK_MS = 500;
// Beyond this the follower jumps; below it, it catches up by playing a little faster or slower.
const JUMP_S = 1;
const TOLERANCE_S = 0.15;

/**
 * Keeps two videos of one lesson in step (teacher close-up beside the blackboard): the leader's
 * play, pause, seek and speed are repeated on the follower, and drift is corrected twice a second.
 */
export function useSyncedPair(leader: HTMLVideoElement | null, follower: HTMLVideoElement | null): void {
  useEffect(() => {
    if (!leader || !follower) return;
    const align = () => {
      follower.currentTime = leader.currentTime;
    };
    const play = () => {
      align();
      void follower.play().catch(() => undefined);
    };
    const pause = () => {
      follower.pause();
      align();
    };
    const rate = () => {
      follower.playbackRate = leader.playbackRate;
    };
    leader.addEventListener('play', play);
    leader.addEventListener('pause', pause);
    leader.addEventListener('seeked', align);
    leader.addEventListener('ratechange', rate);

    const timer = setInterval(() => {
      if (leader.paused || leader.seeking || follower.seeking) return;
      if (follower.paused) void follower.play().catch(() => undefined);
      const drift = follower.currentTime - leader.currentTime;
      if (Math.abs(drift) > JUMP_S) {
        align();
        follower.playbackRate = leader.playbackRate;
      } else if (Math.abs(drift) > TOLERANCE_S) {
        follower.playbackRate = leader.playbackRate * (drift > 0 ? 0.95 : 1.05);
      } else {
        follower.playbackRate = leader.playbackRate;
      }
    }, CHECK_MS);

    return () => {
      clearInterval(timer);
      leader.removeEventListener('play', play);
      leader.removeEventListener('pause', pause);
      leader.removeEventListener('seeked', align);
      leader.removeEventListener('ratechange', rate);
    };
  }, [leader, follower]);
}
