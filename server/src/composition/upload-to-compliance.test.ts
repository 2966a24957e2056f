import { createReadStream } from 'node:fs';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLesson } from '../test-support/media-fixtures.js';
import type { TestApp } from '../test-support/test-app.js';
import { seedDemoCalendar } from '../modules/calendar/calendar.demo-seed.js';
import { addRecording, demoSchools } from '../modules/compliance/compliance.test-kit.js';
import { createComplianceService } from '../modules/compliance/compliance.service.js';
import { addRoomWithDevice, createVideoTestApp, lessonMetadata, runJobs } from '../modules/recordings/recordings.test-kit.js';

const DAY = '2018-04-04';

/**
 * The whole chain through the real wiring of buildApp: a recorder's tus upload → ingest → the
 * processing job → `recording.ready` on the event bus → compliance recounts that school-day.
 * Nothing is called by hand between the last byte and the figures the research office reads.
 */
describe('a tus upload changes the school-day\'s compliance once processed', () => {
  let t: TestApp;
  let base: string;
  let s: Awaited<ReturnType<typeof demoSchools>>;

  beforeAll(async () => {
    t = await createVideoTestApp();
    t.clock.set(new Date(`${DAY}T18:00:00+08:00`));
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    // One counted lesson already: the day needs two.
    await addRecording(t.db.db, { schoolId: s.gxsy.id, day: DAY, group: 'chain-earlier', counts: 1 });
    await createComplianceService({ db: t.db, clock: t.clock }).trackSchools([{ schoolId: s.gxsy.id, since: '2018-04-02' }]);
  });
  afterAll(async () => t.close());

  async function dayAsResearchSees() {
    const research = await t.login('guanxian.research');
    const res = await research.get(`/api/compliance/schools/${s.gxsy.id}/days?from=${DAY}&to=${DAY}`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { days: { day: string; counted: number | null; met: boolean | null }[] }).days.find((d) => d.day === DAY);
  }

  it('one lesson short before; met after the uploaded lesson is processed', async () => {
    expect(await dayAsResearchSees()).toMatchObject({ counted: 1, met: false });

    const device = await addRoomWithDevice(t);
    const lesson = await makeLesson({ seconds: 62 });
    await new Promise<void>((resolve, reject) => {
      new tus.Upload(createReadStream(lesson), {
        endpoint: `${base}/api/uploads`,
        headers: { Authorization: `Bearer ${device.token}` },
        metadata: lessonMetadata({ lessonStart: `${DAY}T10:00:00+08:00`, lessonEnd: `${DAY}T10:40:00+08:00`, track: 'composite' }),
        chunkSize: 256 * 1024,
        retryDelays: null,
        onSuccess: () => resolve(),
        onError: reject,
      }).start();
    });
    const queued = await t.db.db.selectFrom('recordings').select(['id', 'status', 'school_day']).where('room_id', '=', device.roomId).executeTakeFirstOrThrow();
    expect(queued).toMatchObject({ status: 'queued', school_day: DAY });
    // Uploaded but not yet processed: nothing counted yet.
    expect(await dayAsResearchSees()).toMatchObject({ counted: 1, met: false });

    await runJobs(t);
    const ready = await t.db.db.selectFrom('recordings').select(['status', 'counts']).where('id', '=', queued.id).executeTakeFirstOrThrow();
    expect(ready).toMatchObject({ status: 'ready', counts: 1 });
    expect(await dayAsResearchSees()).toMatchObject({ counted: 2, met: true });
  });
});
