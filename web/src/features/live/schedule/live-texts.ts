import type { TFunction } from 'i18next';
import type { LiveClass } from '@shared/live-schedule-api-types';

/** 每周一 09:00 · 40 分钟 / 仅 2026-12-08 09:00: when a class takes place, in words. */
export function whenText(t: TFunction, c: Pick<LiveClass, 'weekday' | 'startsOn' | 'startTime' | 'minutes'>): string {
  const weekdays = t('liveSchedule.weekdays', { returnObjects: true }) as string[];
  const day = c.weekday ? t('liveSchedule.every', { weekday: weekdays[c.weekday - 1] }) : t('liveSchedule.once', { day: c.startsOn });
  return `${day} ${c.startTime} · ${c.minutes}′`;
}
