import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { makeLesson } from '../../test-support/media-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import { countedLessonsForDay } from './recordings.counting-queries.js';
import { addRoomWithDevice, createVideoTestApp, lessonMetadata, runJobs, schoolByCode, tusMetadata } from './recordings.test-kit.js';

const TUS = { 'tus-resumable': '1.0.0' };
const DAY = '2018-04-04';

/**
 * 冠县实验小学 uploads a lesson; 莘县实验小学's recorder then uploads the very same file. The second
 * upload is 莘县's own recording that counts for nobody, both counties' 教科所 are told, and nothing
 * 莘县 (or its 教科所) is answered names or numbers 冠县's recording or school — nor the reverse.
 */
describe('recordings: the same file from a school of another county', () => {
  let t: TestApp;
  let gx: Awaited<ReturnType<typeof addRoomWithDevice>>;
  let sx: Awaited<ReturnType<typeof addRoomWithDevice>>;
  let bytes: Buffer;
  /** Every answer a 莘县 party got, and every answer a 冠县 party got. */
  const sxAnswers: unknown[] = [];
  const gxAnswers: unknown[] = [];
  let originalId: number;
  let copyId: number;

  beforeAll(async () => {
    t = await createVideoTestApp();
    gx = await addRoomWithDevice(t, DEMO_SCHOOLS.guanxianShiyan.code, ['teacher']);
    sx = await addRoomWithDevice(t, DEMO_SCHOOLS.shenxianShiyan.code, ['teacher']);
    // Long enough to count (the test minimum is 1 minute), so "counts for nobody" means something.
    bytes = await readFile(await makeLesson({ seconds: 62 }));
  });
  afterAll(async () => t.close());

  /** The recorder's whole upload in one PATCH; returns every answer and the recording id it was given. */
  async function upload(device: typeof gx, answers: unknown[]) {
    const auth = { authorization: `Bearer ${device.token}` };
    const meta = lessonMetadata({ roomId: String(device.roomId) });
    const created = await t.app.inject({
      method: 'POST', url: '/api/uploads', headers: { ...TUS, ...auth, 'upload-length': String(bytes.length), 'upload-metadata': tusMetadata(meta) },
    });
    expect(created.statusCode).toBe(201);
    const url = created.headers.location as string;
    const done = await t.app.inject({
      method: 'PATCH', url, headers: { ...TUS, ...auth, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' }, payload: bytes,
    });
    expect(done.statusCode).toBe(204);
    const status = await t.app.inject({ method: 'GET', url, headers: auth });
    answers.push(created.headers, done.headers, status.json());
    return Number(done.headers['sunshine-recording-id']);
  }

  async function asUser(username: string, answers: unknown[], urls: string[]) {
    const c = await t.login(username);
    const out: Record<string, any> = {};
    for (const url of urls) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(200);
      out[url] = res.json();
      answers.push(out[url]);
    }
    return out;
  }

  it('keeps 莘县\'s own lesson, counting for nobody, and tells both counties\' 教科所', async () => {
    originalId = await upload(gx, gxAnswers);
    await runJobs(t);
    copyId = await upload(sx, sxAnswers);
    expect(copyId).not.toBe(originalId);
    await runJobs(t);

    const db = t.db.db;
    const rows = await db.selectFrom('recordings').select(['id', 'school_id', 'status', 'counts', 'counts_reason', 'counts_reason_code', 'reuse', 'reuse_other_county'])
      .where('id', 'in', [originalId, copyId]).orderBy('id').execute();
    const gxSchool = await schoolByCode(t, DEMO_SCHOOLS.guanxianShiyan.code);
    const sxSchool = await schoolByCode(t, DEMO_SCHOOLS.shenxianShiyan.code);
    expect(rows).toEqual([
      { id: originalId, school_id: gxSchool.id, status: 'ready', counts: 1, counts_reason: null, counts_reason_code: null, reuse: 'original', reuse_other_county: 1 },
      {
        id: copyId, school_id: sxSchool.id, status: 'ready', counts: 0, counts_reason: expect.stringContaining('其他学校此前上传的录像完全相同'),
        counts_reason_code: 'duplicate_of_other_school', reuse: 'copy', reuse_other_county: 1,
      },
    ]);
    // The lesson counts once, for the school that uploaded it first; 莘县 gains nothing.
    expect(await countedLessonsForDay(db, gxSchool.id, DAY)).toBe(1);
    expect(await countedLessonsForDay(db, sxSchool.id, DAY)).toBe(0);

    // 莘县's own people see their recording, with the reason; its 教科所 is told about it.
    const principal = await asUser('sxsy.principal', sxAnswers, [`/api/recordings?from=${DAY}&to=${DAY}`, `/api/recordings/${copyId}`]);
    expect(principal[`/api/recordings/${copyId}`]).toMatchObject({ counts: false, countsReasonCode: 'duplicate_of_other_school', reuse: 'copy', reuseOtherCounty: true });
    const sxResearch = await asUser('shenxian.research', sxAnswers, ['/api/notifications', `/api/recordings?from=${DAY}&to=${DAY}`, `/api/recordings/${copyId}`]);
    const sxNotes = sxResearch['/api/notifications'].items.filter((n: { kind: string }) => n.kind === 'recording_reuse');
    expect(sxNotes).toEqual([expect.objectContaining({ link: `/recordings/${copyId}`, body: expect.stringContaining('其他县区的一所学校') })]);
    expect(sxNotes[0].title).toContain(DEMO_SCHOOLS.shenxianShiyan.name);
    expect(sxResearch[`/api/recordings?from=${DAY}&to=${DAY}`].items.map((r: { id: number }) => r.id)).toEqual([copyId]);

    // 冠县's 教科所 is told its school's lesson was uploaded again elsewhere; it still counts there.
    const gxResearch = await asUser('guanxian.research', gxAnswers, ['/api/notifications', `/api/recordings/${originalId}`]);
    const gxNotes = gxResearch['/api/notifications'].items.filter((n: { kind: string }) => n.kind === 'recording_reuse');
    expect(gxNotes).toEqual([expect.objectContaining({ link: `/recordings/${originalId}`, body: expect.stringContaining('其他县区的一所学校') })]);
    expect(gxResearch[`/api/recordings/${originalId}`]).toMatchObject({ counts: true, reuse: 'original', reuseOtherCounty: true });
    // Another county's recording stays out of reach.
    expect((await (await t.login('shenxian.research')).get(`/api/recordings/${originalId}`)).statusCode).toBe(404);
    expect((await (await t.login('guanxian.research')).get(`/api/recordings/${copyId}`)).statusCode).toBe(404);

    // A repeated upload of the same file by 莘县 is its own duplicate, as before: no new row, no new notice.
    expect(await upload(sx, sxAnswers)).toBe(copyId);
    const again = await asUser('shenxian.research', sxAnswers, ['/api/notifications']);
    expect(again['/api/notifications'].items.filter((n: { kind: string }) => n.kind === 'recording_reuse')).toHaveLength(1);
  });

  it('answers nobody with the other county\'s recording or school', async () => {
    const gxSchool = await schoolByCode(t, DEMO_SCHOOLS.guanxianShiyan.code);
    const sxSchool = await schoolByCode(t, DEMO_SCHOOLS.shenxianShiyan.code);
    expect(sxAnswers.length).toBeGreaterThan(8);
    // The scan finds what it looks for (in the shapes the answers have).
    const probe = { recordingId: originalId, schoolId: gxSchool.id, texts: [DEMO_SCHOOLS.guanxianShiyan.name] };
    expect(leaks([{ items: [{ id: originalId, track: 'teacher' }] }, { schoolId: gxSchool.id }, { body: `${DEMO_SCHOOLS.guanxianShiyan.name}…` }], probe)).toHaveLength(3);
    expect(leaks(sxAnswers, { recordingId: originalId, schoolId: gxSchool.id, texts: [DEMO_SCHOOLS.guanxianShiyan.name, DEMO_SCHOOLS.guanxianShiyan.code, `/recordings/${originalId}`] })).toEqual([]);
    expect(leaks(gxAnswers, { recordingId: copyId, schoolId: sxSchool.id, texts: [DEMO_SCHOOLS.shenxianShiyan.name, DEMO_SCHOOLS.shenxianShiyan.code, `/recordings/${copyId}`] })).toEqual([]);
  });
});

/**
 * Where in the answers the other side's recording id (as a recording's or track's `id`, or any
 * `recordingId`), school id, or school name, code or link appears.
 */
function leaks(answers: unknown[], foreign: { recordingId: number; schoolId: number; texts: string[] }): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string, isRecording = false) => {
    if (typeof v === 'string') {
      for (const text of foreign.texts) if (v.includes(text)) found.push(`${path}: ${v}`);
      if (/recording-id$/i.test(path) && v === String(foreign.recordingId)) found.push(`${path}: ${v}`);
    } else if (typeof v === 'number') {
      const recordingKey = /recordingId$/i.test(path) || (isRecording && /\.id$/.test(path));
      if (recordingKey && v === foreign.recordingId) found.push(`${path}: ${v}`);
      if (/schoolId$/i.test(path) && v === foreign.schoolId) found.push(`${path}: ${v}`);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`));
    } else if (v && typeof v === 'object') {
      // Recordings and their tracks carry `track`; other objects' ids (notifications…) are other numbers.
      const recording = 'track' in v;
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k, recording);
    }
  };
  answers.forEach((a, i) => walk(a, `#${i}`));
  return found;
}
