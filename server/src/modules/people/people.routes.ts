import { Type } from 'typebox';
import type { Clock } from '../../clock.js';
import type { AppInstance } from '../../http/app-types.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AssignmentService } from './assignments.service.js';
import { personExportColumns } from './people.export.js';
import {
  AssignmentParams, AssignmentRequest, AssignmentSchema, CreatePersonBody, IdParams, PageQuery, PasswordBody,
  PeopleFilterQuery, PersonPage, PersonPatch, PersonSchema,
} from './people.schema.js';
import type { PeopleService } from './people.service.js';

/** 人员与角色: staff accounts and their role assignments. */
export function registerPeopleRoutes(app: AppInstance, deps: { people: PeopleService; assignments: AssignmentService; audit: AuditService; clock: Clock }) {
  const { people, assignments, audit } = deps;
  const tags = ['people'];
  const noContent = { 204: Type.Null({ description: 'done' }) };

  app.get('/api/people', {
    config: { access: 'person:read' },
    schema: { tags, summary: '人员列表 / People in scope', querystring: Type.Intersect([PeopleFilterQuery, PageQuery]), response: { 200: PersonPage } },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return people.listPeople(req.actor!, filter, page, pageSize);
  });

  app.get('/api/people/export.xlsx', {
    config: { access: 'person:export' },
    schema: { tags, summary: '导出人员 / Export people in scope to .xlsx', querystring: PeopleFilterQuery },
  }, async (req, reply) => {
    const columns = personExportColumns(deps.clock.now());
    await sendXlsx(reply, {
      filename: '人员名单.xlsx', sheet: '人员', columns, rows: people.exportPeople(req.actor!, req.query),
      beforeLastByte: (rows) => audit.record({ actor: { userId: req.actor!.userId, name: req.actor!.name }, action: 'person.export', targetType: 'user', result: 'success', ip: req.ip, detail: { filter: req.query, rows } }),
    });
    return reply;
  });

  app.get('/api/people/:id', {
    config: { access: 'person:read' },
    schema: { tags, summary: '人员详情 / One person (audited)', params: IdParams, response: { 200: PersonSchema } },
  }, async (req) => people.getPerson(req.actor!, req.params.id, req.ip));

  app.post('/api/people', {
    config: { access: 'person:write' },
    schema: { tags, summary: '新建人员 / Create a staff account', body: CreatePersonBody, response: { 201: PersonSchema } },
  }, async (req, reply) => reply.status(201).send(await people.createPerson(req.actor!, req.body, req.ip)));

  app.patch('/api/people/:id', {
    config: { access: 'person:write' },
    schema: { tags, summary: '修改、停用或启用人员 / Edit, disable or enable an account', params: IdParams, body: PersonPatch, response: { 200: PersonSchema } },
  }, async (req) => people.updatePerson(req.actor!, req.params.id, req.body, req.ip));

  app.post('/api/people/:id/assignments', {
    config: { access: 'person:write' },
    schema: { tags, summary: '授予角色 / Grant a role', params: IdParams, body: AssignmentRequest, response: { 201: AssignmentSchema } },
  }, async (req, reply) => reply.status(201).send(await assignments.assign(req.actor!, req.params.id, req.body, req.ip)));

  app.delete('/api/people/:id/assignments/:assignmentId', {
    config: { access: 'person:write' },
    schema: { tags, summary: '撤销角色 / Remove a role (ends the person\'s sessions)', params: AssignmentParams, response: noContent },
  }, async (req, reply) => {
    await assignments.unassign(req.actor!, req.params.id, req.params.assignmentId, req.ip);
    return reply.status(204).send(null);
  });

  app.post('/api/people/:id/password', {
    config: { access: 'person:write' },
    schema: { tags, summary: '重置密码并解锁 / Reset a password (also unlocks; ends sessions)', params: IdParams, body: PasswordBody, response: noContent },
  }, async (req, reply) => {
    await people.setPassword(req.actor!, req.params.id, req.body.password, req.ip);
    return reply.status(204).send(null);
  });
}
