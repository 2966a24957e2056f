import { describe, expect, it } from 'vitest';
import { login, shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
// A busy machine renders slower than expect.poll's default second.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const { baseUrl } = session;

// gxsy.teacher (李晓燕) taught some of 冠县实验小学's demo lessons of spring 2018; colleagues taught the rest.
describe('我的录播课: a teacher\'s own lessons first, and 只看我的 on the lesson list', () => {
  it('opens the home on the teacher\'s own lessons and filters the list to them', async () => {
    const page = await session.newPage();
    await login(page, baseUrl, 'gxsy.teacher', '/?asOf=2018-04-04');
    const home = page.locator('[data-testid=school-home]');
    await home.waitFor();
    // Own lessons come first on a teacher's home; no county table, no quota figures (a teacher reads no compliance).
    const mine = page.locator('[data-testid=my-lessons]');
    await poll(() => mine.locator('.ant-list-item').count()).toBeGreaterThan(0);
    const firstCard = await home.locator(':scope > *').first().getAttribute('data-testid');
    expect(firstCard).toBe('my-lessons');
    expect(await page.locator('body').innerText()).not.toContain('各县区学校概况');
    // Dates carry their year only when it is not this year's (the demo has 2018 lessons and recent ones).
    const first = await page.evaluate(async () => {
      const res = await fetch('/api/recordings?mine=true&page=1&pageSize=5');
      return ((await res.json()) as { items: { lessonStart: string }[] }).items[0]!.lessonStart;
    });
    const shanghai = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
    const [year, month, day] = shanghai(first).slice(0, 10).split('-');
    const thisYear = shanghai(new Date().toISOString()).slice(0, 4);
    const shown = year === thisYear ? `${month}-${day} ` : `${year}-${month}-${day} `;
    expect(await mine.locator('.ant-list-item-meta-description').first().innerText()).toMatch(new RegExp(`^${shown}\\d{2}:\\d{2} · `));
    await shot(page, 'home-teacher');

    await mine.locator('.ant-card-extra a').click();
    await page.waitForURL(/\/recordings\?mine=true/);
    await poll(() => page.locator('h4').first().innerText()).toBe('我的录播课');
    const filter = page.getByRole('checkbox', { name: '只看我的' });
    expect(await filter.isChecked()).toBe(true);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await poll(() => rows.count()).toBeGreaterThan(0);
    const teachers = await rows.locator('td:nth-child(2) .ant-typography-secondary').first().innerText();
    expect(teachers).toContain('李晓燕');
    for (const text of await rows.locator('td:nth-child(2)').allInnerTexts()) expect(text).toContain('李晓燕');
    const mineTotal = Number((await page.locator('body').innerText()).match(/共 (\d+) /)?.[1]);
    await shot(page, 'recordings-mine');

    // Unticked: the whole school's lessons, colleagues' too.
    await filter.click();
    await page.waitForURL((url) => !url.search.includes('mine='));
    await poll(() => page.locator('h4').first().innerText()).toBe('录播课');
    await poll(async () => Number((await page.locator('body').innerText()).match(/共 (\d+) /)?.[1])).toBeGreaterThan(mineTotal);
    await page.context().close();
  });

  it('shows a 不计入 reason whole, and the year only on dates of another year', async () => {
    const page = await session.newPage();
    // The demo's recorder lessons of the start day include short ones that do not count.
    await login(page, baseUrl, 'gxsy.teacher', '/recordings?counts=false');
    const reason = page.locator('[data-testid=counts-reason]').first();
    await poll(() => reason.innerText()).toMatch(/少于计入录播课所需的 \d+ 分钟$/);
    const cut = await reason.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    expect(cut).toBe(false);
    // This year's lessons read "12-06 10:10"; 2018's "2018-04-04 10:10".
    const thisYear = String(new Date().getFullYear());
    for (const text of await page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allInnerTexts()) {
      const first = text.split('\n')[0]!;
      if (first.startsWith('20')) expect(first.startsWith(thisYear)).toBe(false);
      else expect(first).toMatch(/^\d{2}-\d{2} \d{2}:\d{2}$/);
    }
    await page.context().close();
  });
});
