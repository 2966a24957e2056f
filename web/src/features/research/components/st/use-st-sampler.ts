import { useEffect, useRef, useState } from 'react';
import { crossedSamples, sampleIndexAt } from '@shared/st-analysis';
import type { LessonPlayerHandle } from '../../../recordings/components/LessonPlayer';

const LANDING_MS = 500;

/**
 * Samples the observer's current behaviour at every interval boundary the lesson passes while it
 * plays, at any speed, on the lesson's clock (the player's handle), never on the wall clock:
 * `onSample(indexes)` is called with the boundaries crossed since the last tick. A seek (or a
 * pause) only moves the starting point, so seeking back and playing again codes those samples
 * anew. Also tells the sample the player is at now, for the strip.
 */
export function useStSampler(opts: {
  player: LessonPlayerHandle | null;
  intervalSeconds: number;
  maxSamples: number | null;
  /** Called with the crossed boundaries while sampling is on (a behaviour is chosen and coding allowed). */
  onSample: (indexes: number[]) => void;
  sampling: boolean;
}): { currentIndex: number | null } {
  const { player, intervalSeconds, maxSamples } = opts;
  const onSample = useRef(opts.onSample);
  onSample.current = opts.onSample;
  const sampling = useRef(opts.sampling);
  sampling.current = opts.sampling;
  const [currentIndex, setCurrentIndex] = useState<number | null>(null);

  useEffect(() => {
    if (!player) {
      setCurrentIndex(null);
      return;
    }
    const video = player.video;
    // Playback (re)starts a little before where the video stands: a boundary up to half a second
    // behind it is taken on the next tick (a seek to 0:00 lands a few frames in; the player may
    // nudge the start), one further behind is not (the observer did not watch that moment).
    const startBefore = () => player.lessonMs() - LANDING_MS;
    let before: number | null = startBefore();
    const restart = () => { before = startBefore(); };
    const stop = () => { before = null; };
    const tick = () => {
      const now = player.lessonMs();
      setCurrentIndex(sampleIndexAt(now, intervalSeconds));
      if (video.paused || video.seeking) return;
      if (before === null) {
        before = now;
        return;
      }
      const crossed = crossedSamples(before, now, intervalSeconds, maxSamples);
      before = now;
      if (crossed.length && sampling.current) onSample.current(crossed);
    };
    video.addEventListener('timeupdate', tick);
    video.addEventListener('seeking', stop);
    video.addEventListener('seeked', restart);
    video.addEventListener('play', restart);
    setCurrentIndex(sampleIndexAt(player.lessonMs(), intervalSeconds));
    return () => {
      video.removeEventListener('timeupdate', tick);
      video.removeEventListener('seeking', stop);
      video.removeEventListener('seeked', restart);
      video.removeEventListener('play', restart);
    };
  }, [player, intervalSeconds, maxSamples]);

  return { currentIndex };
}
