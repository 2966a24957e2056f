import { useEffect } from 'react';
import type { LessonPlayerHandle } from '../../../recordings/components/LessonPlayer';

/** Followers further than this from the leader on the lesson clock are brought back to it. */
const DRIFT_MS = 1500;

/**
 * 同课异构 side by side: while `linked`, the first player leads — its play, pause, seeks and speed
 * drive the others on the lesson clock (each lesson's own clock: 12:00 in one is 12:00 in the
 * other), and followers that drift are put back. The followers are muted while linked (one sound
 * at a time); apart, each player is the viewer's to control.
 */
export function useLinkedPlayers(handles: readonly (LessonPlayerHandle | null)[], linked: boolean) {
  // `handles` is the page's state: a new array only when a player hands out a new handle.
  useEffect(() => {
    const leader = handles[0] ?? null;
    const followers = handles.slice(1).filter((h): h is LessonPlayerHandle => h !== null);
    if (!linked || !leader) return;
    const lead = leader.video;
    const align = (f: LessonPlayerHandle) => {
      if (f.video.ended && leader.lessonMs() > f.lessonMs()) return;
      f.seekLessonMs(leader.lessonMs());
    };
    const follow = () => {
      for (const f of followers) {
        f.video.playbackRate = lead.playbackRate;
        if (lead.paused) f.video.pause();
        else void f.video.play().catch(() => undefined);
      }
    };
    for (const f of followers) {
      f.video.muted = true;
      align(f);
    }
    follow();
    const onSeeked = () => followers.forEach(align);
    const onTime = () => {
      for (const f of followers) if (!f.video.seeking && Math.abs(f.lessonMs() - leader.lessonMs()) > DRIFT_MS) align(f);
    };
    lead.addEventListener('play', follow);
    lead.addEventListener('pause', follow);
    lead.addEventListener('ratechange', follow);
    lead.addEventListener('seeked', onSeeked);
    lead.addEventListener('timeupdate', onTime);
    return () => {
      lead.removeEventListener('play', follow);
      lead.removeEventListener('pause', follow);
      lead.removeEventListener('ratechange', follow);
      lead.removeEventListener('seeked', onSeeked);
      lead.removeEventListener('timeupdate', onTime);
    };
  }, [linked, handles]);
}
