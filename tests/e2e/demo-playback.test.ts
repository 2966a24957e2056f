import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pressPlay, shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
// The demo's clips are made once, in the background after the first start answers.
const CLIPS = { timeout: 120_000, interval: 2_000 };
const SLOW = { timeout: 15_000 };

interface Listed { id: number; status: string; hasVideo: boolean; schoolDay: string; title: string }

const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The API as the signed-in page (its cookies). */
async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(`${session.baseUrl}${url}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** Every lesson of the list the API answers that the recordings page shows as 可观看. */
async function watchable(page: Page, query: string): Promise<Listed[]> {
  const list = await getJson<{ items: Listed[] }>(page, `/api/recordings?pageSize=100&${query}`);
  return list.items.filter((r) => r.status === 'ready' && r.hasVideo);
}

const pickRandom = <T,>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** Opens a lesson in the player, starts it muted (so a script may) and waits for time to pass in it. */
async function playsInPlayer(page: Page, lesson: Listed): Promise<void> {
  await page.goto(`${session.baseUrl}/recordings/${lesson.id}`);
  const video = page.locator('[data-testid=player-video]');
  await video.waitFor();
  await pressPlay(video);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(1);
  await expect.poll(() => page.locator('[data-status=ready]').first().innerText(), SLOW).toContain('可观看');
}

// The demo city (server/src/seed/seed-on-start.ts): the 2018 term, and the four weeks up to the
// day the test server first started, with rooms for the built schools and shared demo clips.
describe('the living demo: lessons that play, rooms, today on a dashboard', () => {
  it('plays three lessons shown as 可观看, picked at random, one of them from 2018', async () => {
    const page = await session.loginAs('guanxian.research');
    // Until the clips exist the lessons are records without video, never 可观看.
    await expect.poll(async () => (await watchable(page, 'to=2018-04-04')).length, CLIPS).toBeGreaterThan(0);
    const old = pickRandom(await watchable(page, 'to=2018-04-04'));
    const recent = await watchable(page, 'from=2020-01-01');
    expect(recent.length).toBeGreaterThan(1);
    const first = pickRandom(recent);
    const second = pickRandom(recent.filter((r) => r.id !== first.id));
    for (const lesson of [old, first, second]) await playsInPlayer(page, lesson);
    await shot(page, 'demo-playback');

    // The list says the same: the lessons play from it.
    await page.goto(`${session.baseUrl}/recordings`);
    await expect.poll(() => page.locator('[data-status=ready]').count(), SLOW).toBeGreaterThan(0);
    expect(await page.locator('[data-status=record_only]').count()).toBe(0);
  }, 240_000);

  it('lists 冠县\'s recording rooms for its 教科所, most of them online', async () => {
    const page = await session.loginAs('guanxian.research');
    await page.goto(`${session.baseUrl}/rooms`);
    await expect.poll(() => page.locator('.ant-table-row').count(), SLOW).toBeGreaterThan(0);
    const text = await page.locator('.ant-table-tbody').innerText();
    expect(text).toContain('录播室');
    await shot(page, 'demo-rooms');
  });

  it('shows figures on the county dashboard for today (or, on a weekend or in a break, the last school day) and this month', async () => {
    const page = await session.loginAs('guanxian.research');
    const latest = await getJson<{ day: string }>(page, '/api/compliance/latest-day');
    const today = shanghaiToday();
    // On a school day that is today (its morning's lessons); a weekend, holiday or break opens on
    // the last school day before it, the demo's history reaching up to it.
    expect(Date.parse(today) - Date.parse(latest.day)).toBeLessThan(60 * 86_400_000);
    await page.locator('[data-testid=side-menu] .ant-menu-item', { hasText: '数据看板' }).click();
    await page.locator('[data-testid=county-dashboard]').waitFor();
    await expect.poll(() => page.locator('[data-testid=county-dashboard]').innerText(), SLOW).toContain(`数据截至 ${latest.day}`);
    for (const kpi of ['day', 'month']) {
      await expect.poll(() => page.locator(`[data-testid=kpi-${kpi}] .ant-statistic-content`).innerText(), SLOW).toMatch(/\d/);
    }
    await shot(page, 'demo-county-today');
  });
});
