import type { AppInstance } from '../../http/app-types.js';
import { IdParams } from './attendance.schema.js';
import { DecisionBody, LeaveBody, LeaveQuery, LeaveSchema, LeavesSchema } from './leave.schema.js';
import type { LeaveService } from './leave.service.js';

/** 请假: guardians ask and withdraw, class staff approve or decline. */
export function registerLeaveRoutes(app: AppInstance, deps: { leave: LeaveService }) {
  const { leave } = deps;
  const tags = ['attendance'];

  app.post('/api/children/:id/leave-requests', {
    config: { access: 'family:write' },
    schema: { tags, summary: '为孩子请假 / Ask leave for my child', params: IdParams, body: LeaveBody, response: { 200: LeaveSchema } },
  }, async (req) => leave.ask(req.actor!, req.params.id, req.body, req.ip));

  app.get('/api/leave-requests/mine', {
    config: { access: 'family:read' },
    schema: { tags, summary: '我的请假申请 / My children\'s leave requests', response: { 200: LeavesSchema } },
  }, async (req) => leave.mine(req.actor!));

  app.post('/api/leave-requests/:id/withdraw', {
    config: { access: 'family:write' },
    schema: { tags, summary: '撤回请假申请 / Withdraw a pending request', params: IdParams, response: { 200: LeaveSchema } },
  }, async (req) => leave.withdraw(req.actor!, req.params.id, req.ip));

  app.get('/api/classes/:id/leave-requests', {
    config: { access: 'class:write' },
    schema: { tags, summary: '班级请假申请 / A class\'s leave requests', params: IdParams, querystring: LeaveQuery, response: { 200: LeavesSchema } },
  }, async (req) => leave.ofClass(req.actor!, req.params.id, req.query.status));

  app.post('/api/leave-requests/:id/decision', {
    config: { access: 'class:write' },
    schema: { tags, summary: '审批请假 / Approve or decline a request', params: IdParams, body: DecisionBody, response: { 200: LeaveSchema } },
  }, async (req) => leave.decide(req.actor!, req.params.id, req.body.decision, req.ip));
}
