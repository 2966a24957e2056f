import { useEffect, useState } from 'react';
import { formatInstant } from '../../../app/time';

/**
 * Children appear in these lessons: every frame on screen carries who is watching and when, so a
 * photo or screen recording of it names its source. Tiled across the whole stage (cropping one
 * copy leaves the others) and drawn above the video, ignoring the pointer.
 */
export function Watermark({ name, username }: { name: string; username: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const text = `${name}（${username}）${formatInstant(now, 'YYYY-MM-DD HH:mm:ss')}`;
  return (
    <div className="watermark" aria-hidden="true" data-testid="watermark">
      {Array.from({ length: 9 }, (_, index) => (
        <span key={index}>{text}</span>
      ))}
    </div>
  );
}
