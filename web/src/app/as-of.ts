import { useEffect, useState } from 'react';
import type { MeView } from '@shared/domain';
import { api } from '../api/client';
import { useMe } from './auth';
import { platformToday } from './time';

// Asked once per person and kept for a few minutes: every page that opens on "today" asks.
const KEEP_MS = 5 * 60_000;
let cached: { userId: number; at: number; day: Promise<string> } | null = null;

/** Today's date in Asia/Shanghai (YYYY-MM-DD). */
const todayText = () => platformToday().format('YYYY-MM-DD');

function loadAsOfDay(me: MeView): Promise<string> {
  if (cached && cached.userId === me.id && Date.now() - cached.at < KEEP_MS) return cached.day;
  // Without compliance:read the server would answer 403: such a person's pages open on today.
  const day = me.permissions.includes('compliance:read')
    ? api.get<{ day: string }>('/api/compliance/latest-day').then((r) => r.day, () => todayText())
    : Promise.resolve(todayText());
  cached = { userId: me.id, at: Date.now(), day };
  return day;
}

/**
 * The day pages that depend on "today" open on (their default `asOf`): the latest school day up to
 * today with compliance figures in the person's scope — so a city whose data ends on some day (the
 * demo's 2018-04-04) shows that day rather than an empty today — or today when there is none.
 * `undefined` while it loads. A page that takes `?asOf=` from its URL uses that first.
 */
export function useAsOfDay(): string | undefined {
  const me = useMe();
  const [day, setDay] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadAsOfDay(me).then((value) => {
      if (live) setDay(value);
    });
    return () => {
      live = false;
    };
  }, [me]);
  return day;
}
