import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../test-support/test-app.js';
import { seedDemoLessons } from './recordings.demo.js';
import { createVideoTestApp, runJobs } from '../modules/recordings/recordings.test-kit.js';

describe('recordings: demo lessons', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createVideoTestApp(); });
  afterAll(async () => t.close());

  it('generates three two-track lessons for 冠县实验小学 through the real pipeline, once', async () => {
    const deps = { db: t.db, clock: t.clock, ingest: t.services.recordings!.ingest, workDir: join(t.config.dataDir, 'work'), seconds: 3 };
    expect(await seedDemoLessons(deps)).toBe(6);
    await runJobs(t);
    const teacher = await t.login('gxsy.teacher');
    const list = (await teacher.get('/api/recordings?pageSize=100')).json();
    expect(list.total).toBe(6);
    expect(new Set(list.items.map((r: { groupId: string }) => r.groupId)).size).toBe(3);
    expect(list.items.every((r: { status: string; schoolName: string }) => r.status === 'ready' && r.schoolName === '冠县实验小学')).toBe(true);
    const play = await teacher.request('POST', `/api/recordings/${list.items[0].id}/playback`);
    expect(play.json().tracks).toHaveLength(2);
    expect(await seedDemoLessons(deps)).toBe(0);
  });
});
