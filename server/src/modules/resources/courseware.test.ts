import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext } from '../../jobs/job-definition.js';
import { convertOfficeToPdf } from '../../media/office-convert.js';
import { pdfTextOf } from '../../media/pdf-text.js';
import { LIBREOFFICE_MISSING, probeSystemTools, type SystemTools } from '../../media/system-tools.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { silentLog } from '../recordings/recordings.test-kit.js';
import { schoolIdOf, userIdOf } from '../research/research.test-kit.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { CONVERT_JOB, createCoursewareJobs } from './courseware.jobs.js';
import type { CoursewareFileView } from './courseware.service.js';
import { makeOfficeFile, multipartFile } from './courseware.test-kit.js';
import { addResource } from './resources.test-kit.js';

const tools = await probeSystemTools();
/** LibreOffice starts cold in each conversion (its own profile): allow minutes on a busy machine, not a timing assertion. */
const SOFFICE_TEST_MS = 240_000;
const BODY = '分数的初步认识';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/**
 * Courseware of a resource with the real tools: a PPTX and a DOCX made by LibreOffice are
 * uploaded by the publisher, converted once by the `resources.convert` job (LibreOffice, PDF.js,
 * pdftoppm), shown as PDF with its Chinese text and a PNG thumbnail, downloaded byte for byte
 * (a use kept for the downloader's school), and out of reach of another county. A run cut short
 * after the PDF was stored converts nothing twice. Without LibreOffice, office files wait and
 * say which package to install; once it is there, they are queued at start.
 */
describe('courseware files of a resource', () => {
  let t: TestApp;
  let dir: string;
  let gxsy: number;
  let teacher: number;
  let resourceId: number;
  const ctx = (run = 1): JobContext => ({
    jobId: 1, attempt: 1, maxAttempts: 3, run, signal: new AbortController().signal, log: silentLog, heartbeat: async () => {}, clock: t.clock,
  });
  let converts = 0;
  const jobs = (over: { tools?: SystemTools; store?: ObjectStore } = {}) => createCoursewareJobs({
    db: t.db.db, store: over.store ?? t.storage, workDir: join(t.config.dataDir, 'work'), tools: async () => over.tools ?? tools,
    enqueue: (kind, payload, opts) => t.jobs.queue.enqueue(kind, payload, opts),
    convert: (opts) => { converts++; return convertOfficeToPdf(opts); },
  });

  async function upload(username: string, resource: number, filename: string, data: Buffer) {
    const c = await t.login(username);
    const m = multipartFile(filename, data);
    return t.app.inject({ method: 'POST', url: `/api/resources/${resource}/files`, headers: { ...c.headers, ...m.headers }, body: m.body });
  }
  const filesOf = async (username: string, resource = resourceId) =>
    ((await (await t.login(username)).get(`/api/resources/${resource}/files`)).json() as { items: CoursewareFileView[] }).items;

  beforeAll(async () => {
    t = await createTestApp();
    dir = await mkdtemp(join(tmpdir(), 'courseware-'));
    gxsy = await schoolIdOf(t.db.db, DEMO_SCHOOLS.guanxianShiyan.code);
    teacher = await userIdOf(t.db.db, 'gxsy.teacher');
    resourceId = await addResource(t.db.db, { schoolId: gxsy, publisherUserId: teacher, title: BODY, requestedScope: 'county' });
  });
  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe.skipIf(!tools.soffice || !tools.pdftoppm)(`with LibreOffice and poppler (${!tools.soffice ? 'skipped: soffice not installed' : !tools.pdftoppm ? 'skipped: pdftoppm not installed' : 'installed'})`, () => {
    it('converts a PPTX once, shows its PDF text and thumbnail, downloads the upload byte for byte, and keeps the use', async () => {
      const pptx = await makeOfficeFile(tools.soffice!, dir, 'pptx', BODY);
      const res = await upload('gxsy.teacher', resourceId, `${BODY}.pptx`, pptx);
      expect(res.statusCode, res.body).toBe(201);
      const file = res.json() as CoursewareFileView;
      expect(file.conversion).toBe('pending');
      expect(file.name).toBe(`${BODY}.pptx`);
      const queued = await t.jobs.queue.list({ kind: CONVERT_JOB });
      expect(queued.some((j) => (j.payload as { fileId: number }).fileId === file.id)).toBe(true);

      converts = 0;
      await jobs().run(file.id, ctx());
      expect(converts).toBe(1);
      const [listed] = (await filesOf('gxsy.teacher')).filter((f) => f.id === file.id);
      expect(listed).toMatchObject({ conversion: 'done', pages: 1, hasPdf: true, hasThumbnail: true, conversionMessage: null });
      const row = await t.db.db.selectFrom('resource_files').select('body_text').where('id', '=', file.id).executeTakeFirstOrThrow();
      expect(row.body_text).toContain(BODY);

      // A village teacher of the same county sees it; the PDF carries the slide's Chinese text.
      const gx2 = await t.login('gx2.teacher');
      const pdf = await gx2.get(`/api/resources/${resourceId}/files/${file.id}/pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect((await pdfTextOf(pdf.rawPayload)).text).toContain(BODY);
      const thumb = await gx2.get(`/api/resources/${resourceId}/files/${file.id}/thumbnail`);
      expect(thumb.headers['content-type']).toBe('image/png');
      expect(thumb.rawPayload.subarray(0, 4).equals(PNG)).toBe(true);

      const before = await t.db.db.selectFrom('resource_uses').selectAll().where('resource_id', '=', resourceId).execute();
      const dl = await gx2.get(`/api/resources/${resourceId}/files/${file.id}/download`);
      expect(dl.statusCode).toBe(200);
      expect(dl.rawPayload.equals(pptx)).toBe(true);
      expect(dl.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(`${BODY}.pptx`)}`);
      const uses = await t.db.db.selectFrom('resource_uses').selectAll().where('resource_id', '=', resourceId).execute();
      expect(uses.length).toBe(before.length + 1);
      const gx2School = await schoolIdOf(t.db.db, DEMO_SCHOOLS.guanxianDier.code);
      expect(uses.at(-1)).toMatchObject({ kind: 'download', user_id: gx2.me.id, school_id: gx2School });

      // A second run of the finished job changes nothing.
      await jobs().run(file.id, ctx(2));
      expect(converts).toBe(1);

      // Another county reaches nothing of it: not the list, the PDF, the thumbnail or the file.
      for (const who of ['sxsy.principal', 'shenxian.admin']) {
        const c = await t.login(who);
        for (const path of ['', `/${file.id}/pdf`, `/${file.id}/thumbnail`, `/${file.id}/download`]) {
          expect((await c.get(`/api/resources/${resourceId}/files${path}`)).statusCode, `${who} ${path}`).toBe(404);
        }
      }
      // Not public: nothing without login either.
      expect((await t.app.inject({ method: 'GET', url: `/api/public/resources/${resourceId}/files/${file.id}/pdf` })).statusCode).toBe(404);
    }, SOFFICE_TEST_MS);

    it('converts a DOCX after a run was cut short once the PDF was stored, without converting it twice', async () => {
      const docx = await makeOfficeFile(tools.soffice!, dir, 'docx', `${BODY}：几分之一`);
      const res = await upload('gxsy.principal', resourceId, '几分之一教案.docx', docx);
      expect(res.statusCode, res.body).toBe(201);
      const file = res.json() as CoursewareFileView;
      converts = 0;
      // The server "dies" while storing the thumbnail, after the PDF was made and recorded.
      const crashing: ObjectStore = Object.create(t.storage, {
        putFile: { value: async (key: string, ...rest: [string, string?]) => {
          if (key.endsWith('-thumb.png')) throw new Error('killed mid-job');
          return t.storage.putFile(key, ...rest);
        } },
      });
      await expect(jobs({ store: crashing }).run(file.id, ctx(1))).rejects.toThrow('killed mid-job');
      expect((await filesOf('gxsy.teacher')).find((f) => f.id === file.id)!.conversion).toBe('pending');
      await jobs().run(file.id, ctx(2));
      expect(converts).toBe(1);
      const done = (await filesOf('gxsy.teacher')).find((f) => f.id === file.id)!;
      expect(done).toMatchObject({ conversion: 'done', hasThumbnail: true });
      const pdf = await (await t.login('gxsy.teacher')).get(`/api/resources/${resourceId}/files/${file.id}/pdf`);
      expect((await pdfTextOf(pdf.rawPayload)).text).toContain('几分之一');
    }, SOFFICE_TEST_MS);

    it('takes a PDF as it is (text and pages, no conversion), and without pdftoppm keeps it without a thumbnail', async () => {
      const pdf = await (await t.login('gxsy.teacher')).get(`/api/resources/${resourceId}/files/${(await filesOf('gxsy.teacher'))[0]!.id}/pdf`);
      const res = await upload('gxsy.teacher', resourceId, '课件.pdf', pdf.rawPayload);
      const file = res.json() as CoursewareFileView;
      expect(file.conversion).toBe('pending');
      converts = 0;
      await jobs({ tools: { soffice: tools.soffice, pdftoppm: null } }).run(file.id, ctx());
      expect(converts).toBe(0);
      expect((await filesOf('gxsy.teacher')).find((f) => f.id === file.id)).toMatchObject({ conversion: 'done', pages: 1, hasPdf: true, hasThumbnail: false });
    }, SOFFICE_TEST_MS);
  });

  it('keeps office files waiting with the package to install while LibreOffice is missing, queues them once it is there, and says why one failed', async () => {
    const other = await addResource(t.db.db, { schoolId: gxsy, publisherUserId: teacher, title: '等待转换' });
    // Any bytes a .pptx may start with; the job never opens it while LibreOffice is missing.
    const res = await upload('gxsy.teacher', other, '等待.pptx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]));
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json() as CoursewareFileView;
    const missing = { soffice: null, pdftoppm: null };
    await jobs({ tools: missing }).run(file.id, ctx());
    const waiting = (await filesOf('gxsy.teacher', other))[0]!;
    expect(waiting).toMatchObject({ conversion: 'waiting_package', conversionMessage: LIBREOFFICE_MISSING, hasPdf: false });
    await jobs({ tools: missing }).requeueAwaiting('a');
    expect((await filesOf('gxsy.teacher', other))[0]!.conversion).toBe('waiting_package');
    expect(await jobs({ tools: { soffice: '/usr/bin/soffice', pdftoppm: null } }).requeueAwaiting('b')).toBeGreaterThanOrEqual(1);
    expect((await filesOf('gxsy.teacher', other))[0]!.conversion).toBe('pending');
    const queued = await t.jobs.queue.list({ kind: CONVERT_JOB });
    expect(queued.filter((j) => (j.payload as { fileId: number }).fileId === file.id).map((j) => j.dedupeKey)).toContain(`${CONVERT_JOB}:${file.id}:installed-b`);
    // A job given up for good leaves the file failed, with a reason people can act on.
    await jobs().definitions[0]!.onFailed!({ fileId: file.id }, { jobId: 1, cause: 'attempts', reason: 'soffice timed out', attempts: 3, lostRuns: 0 });
    const failed = (await filesOf('gxsy.teacher', other))[0]!;
    expect(failed.conversion).toBe('failed');
    expect(failed.conversionMessage).toContain('课件转换失败：「等待.pptx」多次转换未完成');
  });

  it('refuses files that are not what their name says, and uploads by others than the publisher or the principal', async () => {
    const exe = Buffer.from('MZ\x90\x00 not a presentation');
    const bad = await upload('gxsy.teacher', resourceId, '课件.pptx', exe);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('COURSEWARE_FILE_CONTENT');
    expect((await upload('gxsy.teacher', resourceId, '课件.exe', exe)).json().code).toBe('COURSEWARE_FILE_TYPE');
    const png = Buffer.concat([PNG, Buffer.alloc(20)]);
    expect((await upload('gx2.teacher', resourceId, '图.png', png)).statusCode).toBe(403);
    expect((await upload('sxsy.principal', resourceId, '图.png', png)).statusCode).toBe(404);
    const image = await upload('gxsy.teacher', resourceId, '板书.png', png);
    expect(image.json()).toMatchObject({ conversion: 'none', mime: 'image/png' });
    expect((await (await t.login('gxsy.teacher')).get(`/api/resources/${resourceId}/files`)).json().canUpload).toBe(true);
    expect((await (await t.login('gx2.teacher')).get(`/api/resources/${resourceId}/files`)).json().canUpload).toBe(false);
    const id = (image.json() as CoursewareFileView).id;
    expect((await (await t.login('gx2.teacher')).request('DELETE', `/api/resources/${resourceId}/files/${id}`)).statusCode).toBe(403);
    expect((await (await t.login('gxsy.teacher')).request('DELETE', `/api/resources/${resourceId}/files/${id}`)).statusCode).toBe(204);
    expect((await filesOf('gxsy.teacher')).some((f) => f.id === id)).toBe(false);
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('action', 'like', 'resource.file.%').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['resource.file.upload', 'resource.file.delete']));
  });

  it('serves a public resource\'s files without login, and nothing of others', async () => {
    const pub = await addResource(t.db.db, { schoolId: gxsy, publisherUserId: teacher, title: '公开课件', requestedScope: 'public' });
    const png = Buffer.concat([PNG, Buffer.alloc(20)]);
    const id = ((await upload('gxsy.teacher', pub, '公开.png', png)).json() as CoursewareFileView).id;
    const list = await t.app.inject({ method: 'GET', url: `/api/public/resources/${pub}/files` });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ items: [{ id, canDelete: false }], canUpload: false });
    const dl = await t.app.inject({ method: 'GET', url: `/api/public/resources/${pub}/files/${id}/download` });
    expect(dl.rawPayload.equals(png)).toBe(true);
    // An image is its own thumbnail: shown without counting a download.
    const shown = await t.app.inject({ method: 'GET', url: `/api/public/resources/${pub}/files/${id}/thumbnail` });
    expect(shown.headers['content-type']).toBe('image/png');
    expect(shown.rawPayload.equals(png)).toBe(true);
    const use = await t.db.db.selectFrom('resource_uses').selectAll().where('resource_id', '=', pub).executeTakeFirstOrThrow();
    expect(use).toMatchObject({ kind: 'download', user_id: null, school_id: null });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/resources/${resourceId}/files` })).statusCode).toBe(404);
  });
});
