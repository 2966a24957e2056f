import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import {
  AsOfQuery, BatchList, BatchPatchBody, BatchSchema, BuiltBody, CandidateList, CreateBatchBody, CreateDeadlineBody, DeadlineList, DeadlinePatchBody, DeadlineSchema, IdParams, NamedPersonBody,
  OverdueList, OverdueQuery, ProgressQuery, ProgressSchema, RecordMilestoneBody, SchoolDetail, SchoolPage, SchoolsQuery,
} from './rollout.schema.js';
import type { RolloutService } from './rollout.service.js';

/** 项目推进: batches, deadlines, per-county progress, schools' milestones and named persons, overdue lists. */
export function registerRolloutRoutes(app: AppInstance, deps: { rollout: RolloutService }) {
  const { rollout } = deps;
  const tags = ['rollout'];

  app.get('/api/rollout/batches', {
    config: { access: 'rollout:read' },
    schema: { tags, summary: '批次及目标 / Batches with their targets, per county', response: { 200: BatchList } },
  }, async (req) => rollout.listBatches(req.actor!));

  app.post('/api/rollout/batches', {
    config: { access: 'batch:write' },
    schema: { tags, summary: '新建批次 / Add a batch (county targets shared out unless given)', body: CreateBatchBody, response: { 201: BatchSchema } },
  }, async (req, reply) => reply.status(201).send(await rollout.createBatch({ actor: req.actor!, ip: req.ip }, req.body)));

  app.patch('/api/rollout/batches/:id', {
    config: { access: 'batch:write' },
    schema: { tags, summary: '修改批次 / Change a batch’s name, due date or targets', params: IdParams, body: BatchPatchBody, response: { 200: BatchSchema } },
  }, async (req) => rollout.updateBatch({ actor: req.actor!, ip: req.ip }, req.params.id, req.body));

  app.get('/api/rollout/deadlines', {
    config: { access: 'rollout:read' },
    schema: { tags, summary: '时间节点 / The city’s deadlines and what they require', response: { 200: DeadlineList } },
  }, async (req) => rollout.listDeadlines(req.actor!));

  app.post('/api/rollout/deadlines', {
    config: { access: 'batch:write' },
    schema: {
      tags, summary: '新增时间节点 / Add a deadline for built or new schools, of every batch or one, and what it requires',
      body: CreateDeadlineBody, response: { 201: DeadlineSchema },
    },
  }, async (req, reply) => reply.status(201).send(await rollout.createDeadline({ actor: req.actor!, ip: req.ip }, req.body)));

  app.patch('/api/rollout/deadlines/:id', {
    config: { access: 'batch:write' },
    schema: { tags, summary: '修改时间节点 / Rename a deadline or move its day', params: IdParams, body: DeadlinePatchBody, response: { 200: DeadlineSchema } },
  }, async (req) => rollout.updateDeadline({ actor: req.actor!, ip: req.ip }, req.params.id, req.body));

  app.delete('/api/rollout/deadlines/:id', {
    config: { access: 'batch:write' },
    schema: {
      tags, summary: '删除时间节点 / Remove a deadline: its schools are then held to their own plans and their batch’s due date',
      params: IdParams, response: { 204: Type.Null({ description: 'removed' }) },
    },
  }, async (req, reply) => {
    await rollout.deleteDeadline({ actor: req.actor!, ip: req.ip }, req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/rollout/progress', {
    config: { access: 'rollout:read' },
    schema: { tags, summary: '各县推进进度 / Progress per county, batch and school group against targets', querystring: ProgressQuery, response: { 200: ProgressSchema } },
  }, async (req) => rollout.progress(req.actor!, req.query));

  app.get('/api/rollout/schools', {
    config: { access: 'rollout:read' },
    schema: { tags, summary: '项目学校 / Programme schools with milestones and what is overdue', querystring: SchoolsQuery, response: { 200: SchoolPage } },
  }, async (req) => rollout.listSchools(req.actor!, req.query));

  app.get('/api/rollout/schools/:id', {
    config: { access: 'rollout:read' },
    schema: { tags, summary: '学校推进详情 / One school’s milestones, evidence, deadlines', params: IdParams, querystring: AsOfQuery, response: { 200: SchoolDetail } },
  }, async (req) => rollout.getSchool(req.actor!, req.params.id, req.query));

  app.post('/api/rollout/schools/:id/milestones', {
    config: { access: 'rollout:write' },
    schema: {
      tags, summary: '记录节点 / Record a milestone done (with evidence) or planned',
      params: IdParams, body: RecordMilestoneBody, response: { 200: SchoolDetail },
    },
  }, async (req) => rollout.recordMilestone({ actor: req.actor!, ip: req.ip }, req.params.id, req.body));

  app.get('/api/rollout/schools/:id/candidates', {
    config: { access: 'rollout:write' },
    schema: { tags, summary: '负责人候选 / Staff who may be the school’s named person', params: IdParams, response: { 200: CandidateList } },
  }, async (req) => rollout.namedPersonCandidates(req.actor!, req.params.id));

  app.put('/api/rollout/schools/:id/named-person', {
    config: { access: 'rollout:write' },
    schema: { tags, summary: '指定负责人 / Name the person responsible (专人负责)', params: IdParams, body: NamedPersonBody, response: { 200: SchoolDetail } },
  }, async (req) => rollout.setNamedPerson({ actor: req.actor!, ip: req.ip }, req.params.id, req.body));

  app.put('/api/rollout/schools/:id/built', {
    config: { access: 'rollout:write' },
    schema: {
      tags, summary: '标记已建成录播室 / Say whether the school was already built, which chooses its deadlines',
      params: IdParams, body: BuiltBody, response: { 200: SchoolDetail },
    },
  }, async (req) => rollout.setBuilt({ actor: req.actor!, ip: req.ip }, req.params.id, req.body));

  app.get('/api/rollout/overdue', {
    config: { access: 'rollout:read' },
    schema: { tags, summary: '逾期清单 / Overdue requirements per school, with the department answering', querystring: OverdueQuery, response: { 200: OverdueList } },
  }, async (req) => rollout.overdue(req.actor!, req.query));
}
