import type { AppInstance } from '../../http/app-types.js';
import { readUploadedSheet } from '../../http/uploaded-sheet.js';
import {
  ChangeResult, TermsImportedSchema, CreateTermBody, DeleteTermResult, IdParams, PublicDaysQuery, PublicDaysSchema, RegionPlaceQuery,
  SavePublicDaysBody, SavePublicDaysResult, TermsSchema, UpdateTermBody,
} from './calendar.schema.js';
import type { CalendarAdminService } from './calendar-admin.service.js';

/** The calendar page's routes (校历与录播规则): terms and a city's own national days (the quota rules' routes are compliance's). */
export function registerCalendarAdminRoutes(app: AppInstance, deps: { admin: CalendarAdminService }) {
  const { admin } = deps;
  const tags = ['calendar'];

  app.get('/api/calendar/terms', {
    config: { access: 'org:read' },
    schema: { tags, summary: '学期 / Terms that apply at a city, county or school, by school year and stage', querystring: RegionPlaceQuery, response: { 200: TermsSchema } },
  }, async (req) => admin.listTerms(req.actor!, req.query));

  app.post('/api/calendar/terms', {
    config: { access: 'calendar:write' },
    schema: { tags, summary: '新建学期 / Add a term of a city or county; recomputes the days it covers', body: CreateTermBody, response: { 201: ChangeResult } },
  }, async (req, reply) => reply.code(201).send(await admin.createTerm(req.actor!, req.body, req.ip)));

  app.patch('/api/calendar/terms/:id', {
    config: { access: 'calendar:write' },
    schema: { tags, summary: '修改学期 / Change a term; recomputes the days that entered or left it', params: IdParams, body: UpdateTermBody, response: { 200: ChangeResult } },
  }, async (req) => admin.updateTerm(req.actor!, req.params.id, req.body, req.ip));

  app.delete('/api/calendar/terms/:id', {
    config: { access: 'calendar:write' },
    schema: { tags, summary: '删除学期 / Remove a term; recomputes the days it covered', params: IdParams, response: { 200: DeleteTermResult } },
  }, async (req) => admin.deleteTerm(req.actor!, req.params.id, req.ip));

  app.get('/api/calendar/public-days', {
    config: { access: 'org:read' },
    schema: { tags, summary: '法定节假日录入 / A city\'s own entry of a year\'s holidays and 调休 days, and whether the dataset covers the year', querystring: PublicDaysQuery, response: { 200: PublicDaysSchema } },
  }, async (req) => admin.publicDays(req.actor!, req.query));

  app.put('/api/calendar/public-days', {
    config: { access: 'calendar:write' },
    schema: { tags, summary: '保存法定节假日 / Replace a city\'s entry of a year\'s holidays and 调休 days; recomputes the days touched', body: SavePublicDaysBody, response: { 200: SavePublicDaysResult } },
  }, async (req) => admin.savePublicDays(req.actor!, req.body, req.ip));

  app.get('/api/calendar/terms/template.xlsx', {
    config: { access: 'calendar:write' },
    schema: { tags, summary: '校历导入模板 / The Excel template of a term calendar' },
  }, async (_req, reply) => reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('校历导入模板.xlsx')}`)
    .header('cache-control', 'no-store')
    .send(await admin.termTemplate()));

  app.post('/api/calendar/terms/import', {
    config: { access: 'calendar:write' },
    schema: {
      tags, summary: '导入校历 / Import a term calendar from Excel: every row checked, then all rows or none',
      consumes: ['multipart/form-data'], querystring: RegionPlaceQuery, response: { 200: TermsImportedSchema },
    },
  }, async (req) => admin.importTerms(req.actor!, req.query, await readUploadedSheet(req), req.ip));
}
