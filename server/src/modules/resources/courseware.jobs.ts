import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { defineJob, exponentialBackoff, type JobContext, type JobOutcome } from '../../jobs/job-definition.js';
import type { EnqueueOptions } from '../../jobs/job-queue.js';
import { convertOfficeToPdf } from '../../media/office-convert.js';
import { pdfTextOf } from '../../media/pdf-text.js';
import { pdfFirstPagePng } from '../../media/pdf-thumbnail.js';
import type { SystemTools } from '../../media/system-tools.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { derivedKey } from './courseware.keys.js';
import * as q from './courseware.queries.js';
import { reindexResource } from './search-index.js';

export const CONVERT_JOB = 'resources.convert';
export interface ConvertPayload { fileId: number }

/** How long one LibreOffice conversion may take before it is killed (a 100-slide deck takes well under a minute). */
export const CONVERT_TIMEOUT_MS = 3 * 60_000;
const THUMB_TIMEOUT_MS = 60_000;

type Enqueue = (kind: string, payload: unknown, opts?: EnqueueOptions) => Promise<number>;

/** Queues the conversion of one file; `round` names a fresh request (the first one is the upload's). */
export function enqueueConvert(enqueue: Enqueue, fileId: number, round = 'upload'): Promise<number> {
  return enqueue(CONVERT_JOB, { fileId } satisfies ConvertPayload, { dedupeKey: `${CONVERT_JOB}:${fileId}:${round}` });
}

/** The reasons people read when a conversion fails for good. */
export const CONVERT_REASONS = {
  unreadable: (name: string) => `课件转换失败：LibreOffice 无法读取「${name}」。请确认文件能在 Office 中正常打开，或另存为 PDF 后重新上传`,
  pdf: (name: string) => `课件转换失败：「${name}」的 PDF 无法读取（文件可能已损坏或加密）。请另存为普通 PDF 后重新上传`,
  gone: (name: string) => `课件转换失败：「${name}」的原始文件在存储中已找不到，请重新上传`,
  gaveUp: (name: string) => `课件转换失败：「${name}」多次转换未完成（可能文件过大或过于复杂）。请另存为 PDF 后重新上传，或联系平台管理员`,
};

export interface CoursewareJobDeps {
  db: Kysely<Database>;
  store: ObjectStore;
  /** Scratch folder (DATA_DIR/work). */
  workDir: string;
  tools: () => Promise<SystemTools>;
  enqueue: Enqueue;
  /** The converter (tests count its runs). */
  convert?: typeof convertOfficeToPdf;
}

class Gone extends Error {}

/**
 * `resources.convert`: an office file becomes a PDF once (LibreOffice headless), then every PDF
 * gives its text (for search), its page count and a first-page thumbnail (pdftoppm, when
 * installed). Idempotent: the PDF is made only while the row has none, outputs go to fixed keys,
 * and the last step writes text, pages and thumbnail together and marks the file done.
 */
export function createCoursewareJobs(deps: CoursewareJobDeps) {
  const { db } = deps;
  const convert = deps.convert ?? convertOfficeToPdf;

  async function local(key: string, work: string, name: string): Promise<string> {
    const path = deps.store.localPath(key);
    if (path) {
      if (!(await deps.store.head(key))) throw new Gone(key);
      return path;
    }
    const obj = await deps.store.get(key);
    if (!obj) throw new Gone(key);
    const out = join(work, name);
    await pipeline(obj.body, createWriteStream(out));
    return out;
  }

  async function run(fileId: number, ctx: JobContext): Promise<string> {
    let row = await q.fileById(db, fileId);
    if (!row || row.conversion === 'done' || row.conversion === 'none' || row.conversion === 'failed') return 'nothing to do';
    const tools = await deps.tools();
    const work = join(deps.workDir, `courseware-${fileId}-${ctx.run}`);
    await mkdir(work, { recursive: true });
    try {
      if (!row.pdf_key) {
        if (!tools.soffice) {
          await q.setConversion(db, fileId, 'waiting_package');
          return 'waiting for LibreOffice';
        }
        const input = await local(row.storage_key, work, `source.${row.storage_key.split('.').pop()}`);
        const pdf = await convert({ soffice: tools.soffice, input, workDir: work, timeoutMs: CONVERT_TIMEOUT_MS, signal: ctx.signal });
        if (!pdf) {
          await q.setConversion(db, fileId, 'failed', CONVERT_REASONS.unreadable(row.name));
          return 'unreadable';
        }
        const key = derivedKey(row, 'pdf');
        await deps.store.putFile(key, pdf, 'application/pdf');
        await q.setPdfKey(db, fileId, key);
        row = { ...row, pdf_key: key };
        await ctx.heartbeat();
      }
      const pdfPath = await local(row.pdf_key!, work, 'file.pdf');
      let text: { text: string; pages: number };
      try {
        text = await pdfTextOf(await readFile(pdfPath));
      } catch {
        await q.setConversion(db, fileId, 'failed', CONVERT_REASONS.pdf(row.name));
        return 'unreadable pdf';
      }
      let thumbKey: string | null = null;
      if (tools.pdftoppm) {
        const png = await pdfFirstPagePng({ pdftoppm: tools.pdftoppm, pdfPath, workDir: work, timeoutMs: THUMB_TIMEOUT_MS, signal: ctx.signal });
        thumbKey = derivedKey(row, 'thumb');
        await deps.store.putFile(thumbKey, png, 'image/png');
      }
      await q.finishConversion(db, fileId, { bodyText: text.text, pages: text.pages, thumbKey });
      await reindexResource(db, row.resource_id);
      return 'done';
    } catch (err) {
      if (err instanceof Gone) {
        await q.setConversion(db, fileId, 'failed', CONVERT_REASONS.gone(row.name));
        return 'source gone';
      }
      throw err;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /**
   * At start: files that waited for LibreOffice are queued once it is installed, and pending
   * files get their job back if it was lost (the upload's key dedupes an existing one).
   */
  async function requeueAwaiting(stamp: string): Promise<number> {
    const tools = await deps.tools();
    let n = 0;
    for (const f of await q.filesAwaiting(db, tools.soffice ? ['waiting_package', 'pending'] : ['pending'])) {
      if (f.conversion === 'waiting_package') {
        await q.setConversion(db, f.id, 'pending');
        await enqueueConvert(deps.enqueue, f.id, `installed-${stamp}`);
      } else {
        await enqueueConvert(deps.enqueue, f.id);
      }
      n++;
    }
    return n;
  }

  const convertJob = defineJob<typeof CONVERT_JOB, ConvertPayload>({
    kind: CONVERT_JOB,
    maxAttempts: 3,
    backoffMs: exponentialBackoff(30_000, 5 * 60_000),
    timeoutMs: CONVERT_TIMEOUT_MS + 2 * 60_000,
    async handle(payload, ctx): Promise<JobOutcome> {
      const outcome = await run(payload.fileId, ctx);
      ctx.log.info({ fileId: payload.fileId, outcome }, 'courseware conversion');
      return { status: 'done' };
    },
    async onFailed(payload) {
      const row = await q.fileById(db, payload.fileId);
      if (row?.conversion === 'pending') await q.setConversion(db, row.id, 'failed', CONVERT_REASONS.gaveUp(row.name));
    },
  });

  return { definitions: [convertJob], run, requeueAwaiting };
}
