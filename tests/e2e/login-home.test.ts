import { describe, expect, it } from 'vitest';
import { login, PHONE, shot } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

const session = useBrowserSession();
const { baseUrl } = session;

describe('login and home', () => {
  it('shows the Chinese login page and rejects a wrong password in Chinese', async () => {
    const page = await session.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.locator('h1').innerText()).toBe('阳光校园');
    await expect.poll(() => page.locator('body').innerText()).toContain('聊城市教育信息化与教研融合平台');
    await shot(page, 'login-desktop');

    await page.locator('#username').fill('city.admin');
    await page.locator('#password').fill('wrong-password');
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('[role=alert]').innerText()).toContain('用户名或密码错误');
    await page.context().close();
  });

  it('signs city.admin in to a Chinese home page with the city summary', async () => {
    const page = await session.loginAs('city.admin');
    await expect.poll(() => page.locator('[data-testid=summary-counties] .ant-statistic-content').innerText()).toBe('8');
    await expect.poll(() => page.locator('[data-testid=summary-schools] .ant-statistic-content').innerText()).toBe('630');
    const body = await page.locator('body').innerText();
    expect(body).toContain('首页');
    expect(body).toContain('各县区学校概况');
    expect(body).toContain('冠县');
    expect(body).toContain('市教育局管理员');
    await shot(page, 'home-desktop');
    await page.context().close();
  });

  it('fits a 375 px phone: the menu becomes a drawer', async () => {
    const page = await session.newPage(PHONE);
    await page.goto(`${baseUrl}/login`);
    await page.locator('#username').waitFor();
    await shot(page, 'login-phone');
    await login(page, baseUrl, 'city.admin');
    await expect.poll(() => page.locator('[data-testid=summary-schools] .ant-statistic-content').innerText()).toBe('630');
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'home-phone');

    await page.locator('[data-testid=open-menu]').click();
    await page.locator('.ant-drawer [data-testid=side-menu]').waitFor();
    await page.waitForTimeout(400);
    await shot(page, 'menu-phone');
    await page.context().close();
  });
});
