import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from './app-types.js';
import { registerWebApp } from './web-app.js';

/** Which page a browser path gets: the staff app's index.html, or the family app's family.html. */
describe('web app pages: /family and /family/… get the family app, every other page the staff app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-web-app-'));
  const app = Fastify();
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), 'staff');
    writeFileSync(join(dir, 'family.html'), 'family');
    await registerWebApp(app as unknown as AppInstance, dir);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const page = async (url: string) => (await app.inject({ method: 'GET', url })).body;

  it('serves family.html for the family app\'s paths, with or without a query', async () => {
    expect(await page('/family')).toBe('family');
    expect(await page('/family/')).toBe('family');
    expect(await page('/family/me?x=1')).toBe('family');
    expect(await page('/family/notices/12')).toBe('family');
  });

  it('keeps index.html for the staff app, lookalike paths included, and 404 JSON for the API', async () => {
    expect(await page('/')).toBe('staff');
    expect(await page('/login?next=%2Ffamily')).toBe('staff');
    expect(await page('/familyx')).toBe('staff');
    expect(await page('/schools/3')).toBe('staff');
    const api = await app.inject({ method: 'GET', url: '/api/family/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
