import type { AppInstance } from '../../http/app-types.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import type { AuditService } from '../audit/audit.service.js';
import {
  ExportQuery, LessonParams, LessonPatrolsSchema, PatrolBody, PatrolSchema, RecordsPage, RecordsQuery, StatsQuery, StatsSchema, WallQuery, WallSchema,
} from './patrol.schema.js';
import type { PatrolService } from './patrol.service.js';
import { SCHOOL_COLUMNS, TEACHER_COLUMNS } from './patrol.stats.js';

async function* each<T>(rows: readonly T[]) {
  yield* rows;
}

/** 巡课: today's wall of lessons, scoring one, the records, and the statistics over a term with their export. */
export function registerPatrolRoutes(app: AppInstance, deps: { patrol: PatrolService; audit: AuditService }) {
  const { patrol, audit } = deps;
  const tags = ['patrol'];

  app.get('/api/patrol/wall', {
    config: { access: 'patrol:read' },
    schema: { tags, summary: '巡课墙 / Today\'s recorded lessons of the caller\'s schools, one per lesson, with patrol marks', querystring: WallQuery, response: { 200: WallSchema } },
  }, async (req) => patrol.wall({ actor: req.actor!, ip: req.ip }, req.query));

  app.get('/api/patrol/lessons/:recordingId', {
    config: { access: 'patrol:read' },
    schema: { tags, summary: '巡课：一节课 / One lesson with the caller\'s patrol and the patrols they may see', params: LessonParams, response: { 200: LessonPatrolsSchema } },
  }, async (req) => patrol.lesson({ actor: req.actor!, ip: req.ip }, req.params.recordingId));

  app.put('/api/patrol/lessons/:recordingId', {
    config: { access: 'patrol:write' },
    schema: {
      tags, params: LessonParams, body: PatrolBody, response: { 200: PatrolSchema },
      summary: '巡课评分 / Score a lesson of today on the patrol form (again the same day: corrects the caller\'s patrol)',
    },
  }, async (req) => patrol.save({ actor: req.actor!, ip: req.ip }, req.params.recordingId, req.body));

  app.get('/api/patrol/records', {
    config: { access: 'patrol:read' },
    schema: { tags, summary: '巡课记录 / Patrols in scope, newest first', querystring: RecordsQuery, response: { 200: RecordsPage } },
  }, async (req) => patrol.records(req.actor!, req.query));

  app.get('/api/patrol/stats', {
    config: { access: 'patrol:read' },
    schema: { tags, summary: '巡课统计 / Per school and per teacher over a term (or a range)', querystring: StatsQuery, response: { 200: StatsSchema } },
  }, async (req) => patrol.stats(req.actor!, req.query));

  app.get('/api/patrol/stats/export.xlsx', {
    config: { access: 'patrol:read' },
    schema: { tags, summary: '导出巡课统计 / The statistics by school or by teacher (.xlsx)', querystring: ExportQuery },
  }, async (req, reply) => {
    const out = await patrol.exportStats(req.actor!, req.query);
    const beforeLastByte = (count: number) => audit.record({
      actor: { userId: req.actor!.userId, name: req.actor!.name }, action: 'patrol.export', targetType: 'school', result: 'success',
      ip: req.ip, detail: { filter: req.query, from: out.range.from, to: out.range.to, rows: count },
    });
    if (out.kind === 'teacher') await sendXlsx(reply, { filename: out.filename, sheet: out.sheet, columns: TEACHER_COLUMNS, rows: each(out.rows), beforeLastByte });
    else await sendXlsx(reply, { filename: out.filename, sheet: out.sheet, columns: SCHOOL_COLUMNS, rows: each(out.rows), beforeLastByte });
    return reply;
  });
}
