import type { FastifyReply } from 'fastify';
import type { AppInstance } from '../../http/app-types.js';
import { type ExportColumn, sendXlsx } from '../../http/xlsx-export.js';
import type { Actor } from '../../access/actor.js';
import type { AuditService } from '../audit/audit.service.js';
import { absentColumns, countyColumns, each, schoolColumns, teacherColumns } from './analysis.export.js';
import {
  AbsentAnswerSchema, CountiesAnswerSchema, CountyPeriodQuery, IdParams, MineAnswerSchema, PeriodQuery, SchoolsAnswerSchema,
  TeachersAnswerSchema, TermsQuery, TermsSchema,
} from './analysis.schema.js';
import type { AnalysisService, PeriodOf } from './analysis.service.js';

/** 教研分析: per county, school and teacher over a term; the schools that took part in nothing; each list as .xlsx. */
export function registerAnalysisRoutes(app: AppInstance, deps: { analysis: AnalysisService; audit: AuditService }) {
  const { analysis, audit } = deps;
  const tags = ['research'];
  const access = 'research:read' as const;

  /** Streams a list and audits the export (what was asked, how many rows went out). */
  async function exportList<T>(
    reply: FastifyReply, actor: Actor, ip: string,
    answer: { period: PeriodOf; rows: T[] }, list: { name: string; sheet?: string; columns: ExportColumn<T>[]; detail: Record<string, unknown>; schoolId?: number },
  ) {
    const when = answer.period.name ?? `${answer.period.from}至${answer.period.to}`;
    await sendXlsx(reply, {
      filename: `${list.name}_${when}.xlsx`, sheet: list.sheet ?? list.name, columns: list.columns, rows: each(answer.rows),
      beforeLastByte: (count) => audit.record({
        actor: { userId: actor.userId, name: actor.name }, action: 'research_analysis.export', targetType: 'school', targetId: list.schoolId, result: 'success', ip,
        detail: { ...list.detail, period: `${answer.period.from}—${answer.period.to}`, rows: count },
      }),
    });
    return reply;
  }

  app.get('/api/research/analysis/terms', {
    config: { access },
    schema: { tags, summary: '教研分析的学期 / The terms the analysis can cover at your node (or a county), and the one it opens on', querystring: TermsQuery, response: { 200: TermsSchema } },
  }, async (req) => analysis.terms(req.actor!, req.query));

  app.get('/api/research/analysis/counties', {
    config: { access },
    schema: { tags, summary: '各县区教研参与 / Research per county of your scope over a term', querystring: PeriodQuery, response: { 200: CountiesAnswerSchema } },
  }, async (req) => analysis.counties(req.actor!, req.query));

  app.get('/api/research/analysis/counties/export.xlsx', {
    config: { access },
    schema: { tags, summary: '导出各县区教研参与 / The county list as shown, to .xlsx', querystring: PeriodQuery },
  }, async (req, reply) => exportList(reply, req.actor!, req.ip, await analysis.counties(req.actor!, req.query), {
    name: '各县区教研参与', columns: countyColumns, detail: { table: '各县区教研参与' },
  }));

  app.get('/api/research/analysis/schools', {
    config: { access },
    schema: { tags, summary: '各校教研参与 / Research per school of your scope (or a county) over a term', querystring: CountyPeriodQuery, response: { 200: SchoolsAnswerSchema } },
  }, async (req) => analysis.schools(req.actor!, req.query));

  app.get('/api/research/analysis/schools/export.xlsx', {
    config: { access },
    schema: { tags, summary: '导出各校教研参与 / The school list as shown, to .xlsx', querystring: CountyPeriodQuery },
  }, async (req, reply) => exportList(reply, req.actor!, req.ip, await analysis.schools(req.actor!, req.query), {
    name: '各校教研参与', columns: schoolColumns, detail: { table: '各校教研参与', countyId: req.query.countyId ?? null },
  }));

  app.get('/api/research/analysis/absent', {
    config: { access },
    schema: { tags, summary: '未参与教研的学校 / Schools that took part in no research activity over a term, with who answers for them', querystring: CountyPeriodQuery, response: { 200: AbsentAnswerSchema } },
  }, async (req) => analysis.absent(req.actor!, req.query));

  app.get('/api/research/analysis/absent/export.xlsx', {
    config: { access },
    schema: { tags, summary: '导出未参与教研的学校 / The list as shown, to .xlsx', querystring: CountyPeriodQuery },
  }, async (req, reply) => exportList(reply, req.actor!, req.ip, await analysis.absent(req.actor!, req.query), {
    name: '未参与教研的学校', columns: absentColumns, detail: { table: '未参与教研的学校', countyId: req.query.countyId ?? null },
  }));

  app.get('/api/research/analysis/schools/:id/teachers', {
    config: { access },
    schema: {
      tags, summary: '本校教师教研情况 / Research per teacher of one school (a teacher of the school sees their own row)',
      params: IdParams, querystring: PeriodQuery, response: { 200: TeachersAnswerSchema },
    },
  }, async (req) => analysis.teachers(req.actor!, req.params.id, req.query));

  app.get('/api/research/analysis/schools/:id/teachers/export.xlsx', {
    config: { access },
    schema: { tags, summary: '导出本校教师教研情况 / The per-teacher list as shown, to .xlsx', params: IdParams, querystring: PeriodQuery },
  }, async (req, reply) => {
    const answer = await analysis.teachers(req.actor!, req.params.id, req.query);
    return exportList(reply, req.actor!, req.ip, answer, {
      name: `${answer.school.name}教师教研情况`, sheet: '教师教研情况', columns: teacherColumns, detail: { table: '教师教研情况' }, schoolId: answer.school.id,
    });
  });

  app.get('/api/research/analysis/me', {
    config: { access },
    schema: { tags, summary: '我的教研 / Your own research over a term', querystring: PeriodQuery, response: { 200: MineAnswerSchema } },
  }, async (req) => analysis.mine(req.actor!, req.query));
}
