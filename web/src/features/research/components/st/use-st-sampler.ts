import { useEffect, useRef, useState } from 'react';
import { crossedSamples, sampleIndexAt } from '@shared/st-analysis';
import type { LessonPlayerHandle } from '../../../recordings/components/LessonPlayer';

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
    // Just before the playing position: a boundary exactly there is taken on the next tick.
    let before: number | null = player.lessonMs() - 1;
    const restart = () => { before = player.lessonMs() - 1; };
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
