import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
const { baseUrl } = session;
const CLIPS = { timeout: 120_000, interval: 2_000 };
const SOON = { timeout: 30_000, interval: 500 };
// The demo's generated staff: a teacher of 古云镇中心小学, a 贫困村 school of 莘县 (another county than 冠县).
const VILLAGE_TEACHER = 't1371522012_01';
const VILLAGE_SCHOOL = '古云镇中心小学';

function soffice(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
const SOFFICE = soffice();

async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
  const me = (await (await page.request.get(`${baseUrl}/api/me`)).json()) as { csrfToken: string };
  const response = await page.request.fetch(`${baseUrl}${url}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A one-slide PPTX holding `text`, made by LibreOffice from a flat ODF presentation. */
function makePptx(dir: string, text: string): string {
  const src = join(dir, 'lesson.fodp');
  writeFileSync(src, `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">
 <office:body><office:presentation><draw:page draw:name="p1">
  <draw:frame svg:width="20cm" svg:height="5cm" svg:x="2cm" svg:y="3cm"><draw:text-box><text:p>${text}</text:p></draw:text-box></draw:frame>
 </draw:page></office:presentation></office:body></office:document>`);
  execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pptx', '--outdir', dir, src], { timeout: 120_000, env: { ...process.env, HOME: dir } });
  return join(dir, 'lesson.pptx');
}

// Acceptance 1 of issue 10 in the browser: 冠县实验小学's teacher publishes a lesson with its PPTX for
// the city; the school, the county 教科所 and the city approve, the city features it; a teacher of a
// 贫困村 school of 莘县 finds it by 分数 and by a phrase, watches it, downloads the PDF; the city's
// equity page counts that use for a 贫困村 school.
describe.skipIf(!SOFFICE)(`优质资源: publish, review, feature, found and used in a village school${SOFFICE ? '' : ' (skipped: LibreOffice is not installed: apt-get install libreoffice-impress)'}`, () => {
  let dir = '';
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'resources-e2e-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a lesson from publishing to a village school and into the equity figures', async () => {
    const stamp = Date.now().toString(36);
    const body = `分数的初步认识 课件 ${stamp}`;
    const pptx = makePptx(dir, body);

    // The teacher: one of her ready lessons, and a class of her school whose guardians all allow the city.
    const teacher = await session.loginAs('gxsy.teacher');
    const me = await api<{ id: number }>(teacher, 'GET', '/api/me');
    // Not one she has published already (a lesson is published once).
    const published = new Set<number>();
    for (const r of (await api<{ items: { id: number }[] }>(teacher, 'GET', '/api/resources?mine=true&kind=lesson&status=all&pageSize=100')).items) {
      const detail = await api<{ lessonVideo: { recordingId: number } | null }>(teacher, 'GET', `/api/resources/${r.id}`);
      if (detail.lessonVideo) published.add(detail.lessonVideo.recordingId);
    }
    let lesson: { id: number; schoolId: number } | undefined;
    await expect.poll(async () => {
      const page = await api<{ items: { id: number; status: string; hasVideo: boolean; track: string; schoolId: number; teacherUserId: number | null }[] }>(
        teacher, 'GET', '/api/recordings?mine=true&status=ready&pageSize=100');
      lesson = page.items.find((r) => r.status === 'ready' && r.hasVideo && r.track === 'composite' && r.teacherUserId === me.id && !published.has(r.id));
      return lesson !== undefined;
    }, CLIPS).toBe(true);
    const grades = await api<{ name: string; classes: { id: number; name: string }[] }[]>(teacher, 'GET', `/api/schools/${lesson!.schoolId}/classes`);
    let classLabel = '';
    for (const grade of grades) {
      for (const c of grade.classes) {
        const consents = await api<{ cap: string; items: unknown[] }>(teacher, 'GET', `/api/classes/${c.id}/consents`);
        if (!classLabel && consents.items.length && (consents.cap === 'city' || consents.cap === 'public')) classLabel = `${grade.name}${c.name}`;
      }
      if (classLabel) break;
    }
    expect(classLabel, 'a demo class whose guardians all allow the city').not.toBe('');

    // Publishing through the form: the lesson, its taxonomy, the class on video, the city as scope.
    await teacher.goto(`${baseUrl}/resources/publish?recording=${lesson!.id}`);
    const title = `分数的初步认识 ${stamp}`;
    // The form proposes the lesson's own title once the lesson has loaded; ours replaces it.
    await expect.poll(() => teacher.locator('[data-testid=publish-title]').inputValue(), SOON).not.toBe('');
    await teacher.locator('[data-testid=publish-title]').fill(title);
    await teacher.locator('[data-testid=publish-description]').fill(`认识几分之一：折一折、涂一涂，比较分数的大小。${stamp}`);
    await teacher.locator('[data-testid=publish-grade]').fill('三年级');
    await teacher.locator('[data-testid=publish-unit]').fill('第八单元 分数的初步认识');
    await teacher.locator('[data-testid=publish-class]').click();
    await teacher.keyboard.type(classLabel);
    await teacher.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: classLabel }).first().click();
    await teacher.locator('[data-testid=publish-scope]').getByText('全市', { exact: true }).click();
    await shot(teacher, 'resource-publish');
    await teacher.locator('[data-testid=publish-submit]').click();
    await expect.poll(async () => (await teacher.locator('[data-testid=publish-error]').count()
      ? await teacher.locator('[data-testid=publish-error]').innerText() : /\/resources\/\d+$/.test(teacher.url())), SOON).toBe(true);
    const resourceId = Number(/\/resources\/(\d+)$/.exec(teacher.url())![1]);
    await teacher.locator('[data-testid=resource-title]').getByText(title).waitFor();

    // The PPTX, uploaded on the resource's page, becomes a PDF in the worker and shows in the viewer.
    await teacher.locator('[data-testid=courseware-panel] input[type=file]').setInputFiles(pptx);
    await expect.poll(() => teacher.locator('[data-testid=courseware-state]').first().innerText(), { timeout: 180_000, interval: 2_000 }).toBe('可在线查看');
    await teacher.context().close();

    // The review chain in the queue: the school, then the county's 教科所, then the city, who features it.
    for (const reviewer of ['gxsy.principal', 'guanxian.research', 'city.research']) {
      const page = await session.loginAs(reviewer);
      await page.goto(`${baseUrl}/resources/review`);
      const row = page.locator('[data-testid=review-queue] tr', { hasText: title });
      await row.waitFor({ timeout: 30_000 });
      if (reviewer === 'city.research') {
        await row.locator('[data-testid=review-approve-feature]').click();
        await page.locator('[data-testid=review-feature-level]').getByText('精品课').click();
      } else {
        await row.locator('[data-testid=review-approve]').click();
      }
      await page.locator('[data-testid=review-confirm]').click();
      await expect.poll(() => page.locator('[data-testid=review-queue] tr', { hasText: title }).count(), SOON).toBe(0);
      if (reviewer === 'city.research') await shot(page, 'resource-review-city');
      await page.context().close();
    }

    // A teacher of a 贫困村 school of 莘县 finds it by 分数 (two characters) and by a phrase.
    const village = await session.loginAs(VILLAGE_TEACHER);
    for (const query of ['分数', `比较分数的大小 ${stamp}`]) {
      await village.goto(`${baseUrl}/resources/search?q=${encodeURIComponent(query)}`);
      await village.locator(`[data-testid=search-results] a[href="/resources/${resourceId}"]`).first().waitFor({ timeout: 30_000 });
    }
    await shot(village, 'resource-search-village');
    await village.locator(`[data-testid=search-results] a[href="/resources/${resourceId}"]`).first().click();
    await village.waitForURL(new RegExp(`/resources/${resourceId}$`));
    // It plays: the player's video advances.
    const video = village.locator('[data-testid=resource-player] video').first();
    await video.waitFor({ timeout: 30_000 });
    await village.evaluate(() => { const v = document.querySelector('[data-testid=resource-player] video') as HTMLVideoElement; v.muted = true; void v.play(); });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), SOON).toBeGreaterThan(0.5);
    // The PDF downloads.
    await village.locator('[data-testid=courseware-canvas]').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([village.waitForEvent('download'), village.locator('[data-testid=courseware-download-pdf]').click()]);
    const saved = join(dir, 'downloaded');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    await shot(village, 'resource-detail-village');
    await village.context().close();

    // The city's equity page counts this month's use of a featured lesson by a 贫困村 school.
    const city = await session.loginAs('city.admin');
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const villageSchool = (await api<{ items: { name: string; countyId: number }[] }>(city, 'GET', `/api/schools?q=${encodeURIComponent(VILLAGE_SCHOOL)}`)).items[0]!;
    const reached = await api<{ items: { name: string; featuredUsed: number; poorVillage: boolean }[] }>(
      city, 'GET', `/api/equity/schools?month=${month}&countyId=${villageSchool.countyId}&filter=village-reached&pageSize=500`);
    const row = reached.items.find((s) => s.name === VILLAGE_SCHOOL);
    expect(row?.poorVillage).toBe(true);
    expect(row?.featuredUsed).toBeGreaterThanOrEqual(1);
    await city.goto(`${baseUrl}/equity?month=${month}`);
    await city.locator('[data-testid=kpi-village-reach]').waitFor();
    // The page's list behind the village figure (20 to a page, so the school is looked for by the API above).
    await city.goto(`${baseUrl}/equity?month=${month}&countyId=${villageSchool.countyId}&list=village-reached`);
    await city.locator('[data-testid=equity-schools-drawer] .ant-table-row').first().waitFor({ timeout: 30_000 });
    await shot(city, 'equity-village-reached');
    await city.context().close();
    // Six sign-ins, a LibreOffice conversion in the worker and three reviews: minutes, not the suite's one.
  }, 600_000);
});
