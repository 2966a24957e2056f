import type { CSSProperties } from 'react';
import { ProgressBar } from 'antd-mobile';
import { useRoutineT } from './useRoutineT';

/** The day's written minutes against the national limit: none allowed, a limit, or no national figure. */
export function LimitBar({ minutes, limit }: { minutes: number; limit: number | null }) {
  const t = useRoutineT();
  if (limit === null) return <div style={{ color: '#888', fontSize: 13 }}>{t('routine.limit.none', { minutes })}</div>;
  const over = minutes > limit;
  const percent = limit === 0 ? (minutes > 0 ? 100 : 0) : Math.min(100, Math.round((minutes / limit) * 100));
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 13, marginBottom: 4 }}>
        <span>{t('routine.limit.written', { minutes })}</span>
        <span style={{ color: over ? '#d4380d' : '#888' }}>{limit === 0 ? t('routine.limit.zero') : t('routine.limit.max', { limit })}</span>
      </div>
      <ProgressBar percent={percent} style={{ '--fill-color': over ? '#d4380d' : '#1677ff' } as CSSProperties} />
      {over && <div style={{ color: '#d4380d', fontSize: 12, marginTop: 4 }}>{t('routine.limit.over')}</div>}
    </div>
  );
}
