import { useEffect, useState } from 'react';
import dayjs from 'dayjs';

/**
 * Children appear in these lessons: every frame on screen carries who is watching and when, so a
 * photo or screen recording of it names its source. Tiled across the whole stage (cropping one
 * copy leaves the others) and drawn above the video, ignoring the pointer.
 */
export function Watermark({ name, username }: { name: string; username: string }) {
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    const timer = setInterval(() => setNow(dayjs()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const text = `${name}（${username}）${now.format('YYYY-MM-DD HH:mm:ss')}`;
  return (
    <div className="watermark" aria-hidden="true" data-testid="watermark">
      {Array.from({ length: 9 }, (_, index) => (
        <span key={index}>{text}</span>
      ))}
    </div>
  );
}
