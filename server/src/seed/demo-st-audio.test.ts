import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../test-support/test-app.js';
import { createVideoTestApp, runJobs } from '../modules/recordings/recordings.test-kit.js';
import { cohensKappa } from '../modules/research/agreement.js';
import { scriptCodes, seedDemoStAudioLesson } from './demo-st-audio.js';

describe('demo: a lesson whose S-T draft comes from its audio', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createVideoTestApp(); });
  afterAll(async () => t.close());

  it('is made once with ffmpeg alone, processed, drafted on its own, and shown beside the officer\'s coding', async () => {
    const deps = { db: t.db, clock: t.clock, ingest: t.services.recordings!.ingest, workDir: join(t.config.dataDir, 'work') };
    expect(await seedDemoStAudioLesson(deps)).toBe(true);
    await runJobs(t);
    expect(await seedDemoStAudioLesson(deps)).toBe(false);
    const lesson = await t.db.db.selectFrom('recordings').select(['id', 'status']).where('group_id', 'like', 'st-demo-%').executeTakeFirstOrThrow();
    expect(lesson.status).toBe('ready');
    const principal = await t.login('gxsy.principal');
    const draft = (await principal.get(`/api/research/lessons/${lesson.id}/st-audio`)).json();
    expect(draft).toMatchObject({ state: 'done', intervalSeconds: 30, detail: { source: 'channels', teacher: { channel: 'left' } } });
    const script = scriptCodes();
    expect(cohensKappa([...script], [...draft.codes], new Set()).kappa).toBeGreaterThanOrEqual(0.8);
    expect(draft.agreements).toHaveLength(1);
    expect(draft.agreements[0]).toMatchObject({ comparable: true, intervals: script.length });
    expect(draft.agreements[0].kappa).toBeGreaterThanOrEqual(0.8);
  });
});
