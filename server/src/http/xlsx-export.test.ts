import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { sendXlsx } from './xlsx-export.js';

describe('an .xlsx export whose query fails', () => {
  // A query that fails as it starts (a filter the database refuses) must answer as an error, not
  // cut a download whose headers already went out ("Reply was already sent").
  it('answers a normal JSON error when the first row cannot be read', async () => {
    const app = Fastify();
    app.setErrorHandler(async (err: AppError, _req, reply) => reply.status(err.status).send({ code: err.code, message: err.message }));
    app.get('/export.xlsx', async (_req, reply) => {
      async function* rows(): AsyncGenerator<{ name: string }> {
        throw new AppError(400, 'VALIDATION_FAILED', '筛选条件不正确');
      }
      await sendXlsx(reply, { filename: 'x.xlsx', sheet: 'x', columns: [{ header: '名称', value: (r) => r.name }], rows: rows() });
    });
    const res = await app.inject({ method: 'GET', url: '/export.xlsx' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ code: 'VALIDATION_FAILED', message: '筛选条件不正确' });
    await app.close();
  });

  it('still streams every row, and an empty export has its header row', async () => {
    const app = Fastify();
    app.get('/export.xlsx', async (req, reply) => {
      const n = Number((req.query as { n: string }).n);
      async function* rows() {
        for (let i = 0; i < n; i++) yield { name: `学校${i}` };
      }
      await sendXlsx(reply, { filename: 'x.xlsx', sheet: 'x', columns: [{ header: '名称', value: (r) => r.name }], rows: rows() });
    });
    for (const n of [0, 3]) {
      const res = await app.inject({ method: 'GET', url: `/export.xlsx?n=${n}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.getSheetValues().filter(Boolean).length).toBe(n + 1);
    }
    await app.close();
  });

  // The audit record of an export is written before the download ends: when the download has
  // arrived, the record is there; when the record cannot be written, the download is cut.
  it('ends the download only after beforeLastByte, and cuts it when beforeLastByte fails', async () => {
    const app = Fastify();
    const recorded: number[] = [];
    app.get('/export.xlsx', async (req, reply) => {
      const fail = (req.query as { fail?: string }).fail === '1';
      async function* rows() {
        for (let i = 0; i < 2000; i++) yield { name: `学校${i}` };
      }
      await sendXlsx(reply, {
        filename: 'x.xlsx', sheet: 'x', columns: [{ header: '名称', value: (r) => r.name }], rows: rows(),
        beforeLastByte: async (n) => {
          await new Promise((r) => setTimeout(r, 50));
          if (fail) throw new Error('audit store down');
          recorded.push(n);
        },
      }).catch(() => undefined);
      return reply;
    });
    const res = await app.inject({ method: 'GET', url: '/export.xlsx' });
    expect(recorded).toEqual([2000]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(2001);

    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const cut = await fetch(`http://127.0.0.1:${port}/export.xlsx?fail=1`).then((r) => r.arrayBuffer()).then(() => 'complete', () => 'cut');
    expect(cut).toBe('cut');
    expect(recorded).toEqual([2000]);
    await app.close();
  });
});
