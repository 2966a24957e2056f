import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../http/app-types.js';
import { readUploadedSheet } from '../../http/uploaded-sheet.js';
import { bearerToken } from '../rooms/device-auth.js';
import { type AttendanceGateService, requireGateTokenShape } from './attendance-gate.service.js';
import {
  CheckInBody, CheckInSchema, ChildMonthSchema, DayQuery, FiguresQuery, FiguresSchema, GateBody, GateCreatedSchema, GateParams, GatesSchema,
  IdParams, ImportedSchema, MarkBody, MyClassesSchema, MarkedSchema, MonthQuery, MyTodaySchema, RevokedSchema, RollCallSchema, SettingsBody, SettingsSchema,
} from './attendance.schema.js';
import type { AttendanceService } from './attendance.service.js';

// A school's gates share one address: limits count per token.
const perToken = (req: FastifyRequest) => `gate:${(bearerToken(req) ?? req.ip).slice(-24)}`;

/** Morning attendance: a parent's view, class staff's roll call and gate file, the principal's times and gates, bureaus' figures. */
export function registerAttendanceRoutes(app: AppInstance, deps: { attendance: AttendanceService; gates: AttendanceGateService }) {
  const { attendance, gates } = deps;
  const tags = ['attendance'];

  app.get('/api/attendance/mine', {
    config: { access: 'family:read' },
    schema: { tags, summary: '我的孩子今日到校 / My children this morning', response: { 200: MyTodaySchema } },
  }, async (req) => attendance.mine(req.actor!));

  app.get('/api/attendance/classes', {
    config: { access: 'class:write' },
    schema: { tags, summary: '我点名的班级 / The classes whose roll I take', response: { 200: MyClassesSchema } },
  }, async (req) => attendance.myClasses(req.actor!));

  app.get('/api/children/:id/attendance', {
    config: { access: 'family:read' },
    schema: { tags, summary: '孩子一个月的出勤 / A child\'s mornings of a month', params: IdParams, querystring: MonthQuery, response: { 200: ChildMonthSchema } },
  }, async (req) => attendance.month(req.actor!, req.params.id, req.query.month));

  app.get('/api/classes/:id/attendance', {
    config: { access: 'class:write' },
    schema: { tags, summary: '班级晨检点名 / A class\'s roll call of a day', params: IdParams, querystring: DayQuery, response: { 200: RollCallSchema } },
  }, async (req) => attendance.rollCall(req.actor!, req.params.id, req.query.day));

  app.put('/api/classes/:id/attendance', {
    config: { access: 'class:write' },
    schema: { tags, summary: '保存点名：全班默认到校，只标例外 / Mark the class: present unless named', params: IdParams, body: MarkBody, response: { 200: MarkedSchema } },
  }, async (req) => attendance.mark(req.actor!, req.params.id, req.body, req.ip));

  app.post('/api/attendance/import', {
    config: { access: 'class:write' },
    schema: { tags, summary: '导入门禁记录（全部或全不）/ Import a gate file: all rows or none', consumes: ['multipart/form-data'], response: { 200: ImportedSchema } },
  }, async (req) => gates.importFile(req.actor!, await readUploadedSheet(req), req.ip));

  app.get('/api/attendance/figures', {
    config: { access: 'family:stats' },
    schema: { tags, summary: '出勤率（按校、按日或周）/ Attendance rates per school and day or week', querystring: FiguresQuery, response: { 200: FiguresSchema } },
  }, async (req) => attendance.figures(req.actor!, req.query));

  app.get('/api/schools/:id/attendance/settings', {
    config: { access: 'class:write' },
    schema: { tags, summary: '学校考勤时间 / The school\'s lateness and alert times', params: IdParams, response: { 200: SettingsSchema } },
  }, async (req) => attendance.settings(req.actor!, req.params.id));

  app.put('/api/schools/:id/attendance/settings', {
    config: { access: 'class:write' },
    schema: { tags, summary: '设置考勤时间（校长）/ Set the times (principal)', params: IdParams, body: SettingsBody, response: { 200: SettingsSchema } },
  }, async (req) => attendance.saveSettings(req.actor!, req.params.id, req.body, req.ip));

  app.get('/api/schools/:id/attendance/gates', {
    config: { access: 'class:write' },
    schema: { tags, summary: '学校门禁 / The school\'s gates (principal)', params: IdParams, response: { 200: GatesSchema } },
  }, async (req) => gates.gates(req.actor!, req.params.id));

  app.post('/api/schools/:id/attendance/gates', {
    config: { access: 'class:write' },
    schema: { tags, summary: '添加门禁，令牌只显示一次 / Add a gate; its token is shown once', params: IdParams, body: GateBody, response: { 200: GateCreatedSchema } },
  }, async (req) => gates.createGate(req.actor!, req.params.id, req.body.name, req.ip));

  app.delete('/api/schools/:id/attendance/gates/:gateId', {
    config: { access: 'class:write' },
    schema: { tags, summary: '吊销门禁令牌 / Revoke a gate\'s token', params: GateParams, response: { 200: RevokedSchema } },
  }, async (req) => gates.revokeGate(req.actor!, req.params.id, req.params.gateId, req.ip));

  // Public at the access gate: a gate holds no session; the handler authenticates its token. The
  // OpenAPI scheme is the app's bearer one (deviceToken): a gate token is a device token of a school.
  app.post('/api/attendance/check-ins', {
    config: { access: 'public', rateLimit: { max: 20_000, timeWindow: '1 minute', keyGenerator: perToken } },
    schema: { tags, security: [{ deviceToken: [] }], summary: '门禁打卡（门禁令牌）/ A gate\'s check-in (gate token)', body: CheckInBody, response: { 200: CheckInSchema } },
    onRequest: requireGateTokenShape,
  }, async (req) => gates.checkIn(req, req.body));
}
