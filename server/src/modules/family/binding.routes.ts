import type { AppInstance } from '../../http/app-types.js';
import {
  ClassRequestsSchema, CodeSchema, CodesSchema, GuardianParams, IdParams, MineSchema, MyRequestSchema, NewCodeBody, OkSchema,
  ReasonBody, RedeemBody, RequestsQuery, RosterSchema, StaffClassesSchema, StudentParams,
} from './binding.schema.js';
import type { BindingService } from './binding.service.js';

/** 家长绑定: parents redeem a class's invitation code; the class's staff issue codes and confirm requests. */
export function registerBindingRoutes(app: AppInstance, deps: { binding: BindingService }) {
  const { binding } = deps;
  const tags = ['family-binding'];

  // ----- the parent (family app) -----
  app.post('/api/family/binding/redeem', {
    config: { access: 'family:write' },
    schema: { tags, summary: '用邀请码申请绑定孩子 / Redeem a class invitation code: a pending binding request', body: RedeemBody, response: { 200: MyRequestSchema } },
  }, async (req) => binding.redeem(req.actor!, req.body, req.ip));

  app.get('/api/family/binding/mine', {
    config: { access: 'family:read' },
    schema: { tags, summary: '我的孩子与绑定申请 / My children (labelled) and my binding requests', response: { 200: MineSchema } },
  }, async (req) => binding.mine(req.actor!));

  app.delete('/api/family/binding/mine/:studentId', {
    config: { access: 'family:write' },
    schema: { tags, summary: '解除绑定 / End my own guardianship of a child', params: StudentParams, response: { 200: OkSchema } },
  }, async (req) => binding.unbindSelf(req.actor!, req.params.studentId, req.ip));

  // ----- the class's staff (desktop) -----
  app.get('/api/family/binding/classes', {
    config: { access: 'class:write' },
    schema: { tags, summary: '我的班级（家校绑定）/ The classes I bind families of, with pending requests', response: { 200: StaffClassesSchema } },
  }, async (req) => binding.staffClasses(req.actor!));

  app.get('/api/family/binding/classes/:id/roster', {
    config: { access: 'class:write' },
    schema: { tags, summary: '班级学生与监护人 / A class\'s children and their guardians (audited)', params: IdParams, response: { 200: RosterSchema } },
  }, async (req) => binding.roster(req.actor!, req.params.id, req.ip));

  app.get('/api/family/binding/classes/:id/requests', {
    config: { access: 'class:write' },
    schema: { tags, summary: '班级绑定申请 / A class\'s binding requests', params: IdParams, querystring: RequestsQuery, response: { 200: ClassRequestsSchema } },
  }, async (req) => binding.classRequests(req.actor!, req.params.id, req.query.status));

  app.post('/api/family/binding/requests/:id/confirm', {
    config: { access: 'class:write' },
    schema: { tags, summary: '确认绑定 / Confirm a binding request: the parent becomes a guardian', params: IdParams, response: { 200: OkSchema } },
  }, async (req) => binding.confirm(req.actor!, req.params.id, req.ip));

  app.post('/api/family/binding/requests/:id/reject', {
    config: { access: 'class:write' },
    schema: { tags, summary: '拒绝绑定 / Reject a binding request, with a reason', params: IdParams, body: ReasonBody, response: { 200: OkSchema } },
  }, async (req) => binding.reject(req.actor!, req.params.id, req.body.reason, req.ip));

  app.get('/api/family/binding/classes/:id/codes', {
    config: { access: 'class:write' },
    schema: { tags, summary: '班级邀请码 / A class\'s invitation codes', params: IdParams, response: { 200: CodesSchema } },
  }, async (req) => binding.codes(req.actor!, req.params.id));

  app.post('/api/family/binding/classes/:id/codes', {
    config: { access: 'class:write' },
    schema: { tags, summary: '生成邀请码 / Issue an invitation code (and class QR code)', params: IdParams, body: NewCodeBody, response: { 200: CodeSchema } },
  }, async (req) => binding.createCode(req.actor!, req.params.id, req.body ?? {}, req.ip));

  app.post('/api/family/binding/codes/:id/revoke', {
    config: { access: 'class:write' },
    schema: { tags, summary: '停用邀请码 / Revoke an invitation code', params: IdParams, response: { 200: CodeSchema } },
  }, async (req) => binding.revokeCode(req.actor!, req.params.id, req.ip));

  app.post('/api/family/binding/students/:id/guardians/:userId/remove', {
    config: { access: 'class:write' },
    schema: { tags, summary: '移除监护人 / Remove a guardian from a child of the class, with a reason', params: GuardianParams, body: ReasonBody, response: { 200: OkSchema } },
  }, async (req) => binding.removeGuardian(req.actor!, req.params.id, req.params.userId, req.body.reason, req.ip));
}
