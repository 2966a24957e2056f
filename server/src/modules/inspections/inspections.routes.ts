import type { AppInstance } from '../../http/app-types.js';
import {
  CreateInspectionBody, FollowUpPage, FollowUpQuery, FollowUpSchema, IdParams, InspectionPage, InspectionSchema, ListQuery, RectifyBody, ReviewBody,
} from './inspections.schema.js';
import type { InspectionsService } from './inspections.service.js';
import { Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';

/** 督导检查: visits to schools, their findings and the follow-ups the schools put right. */
export function registerInspectionsRoutes(app: AppInstance, deps: { inspections: InspectionsService }) {
  const { inspections } = deps;
  const tags = ['inspections'];

  app.get('/api/inspections', {
    config: { access: 'inspection:read' },
    schema: { tags, summary: '督导检查记录 / Visits in scope, newest first', querystring: ListQuery, response: { 200: InspectionPage } },
  }, async (req) => inspections.list(req.actor!, req.query));

  app.get('/api/inspections/follow-ups', {
    config: { access: 'inspection:read' },
    schema: { tags, summary: '整改事项 / Follow-ups in scope, soonest due first; overdue=true lists the overdue', querystring: FollowUpQuery, response: { 200: FollowUpPage } },
  }, async (req) => inspections.listFollowUps(req.actor!, req.query));

  app.get('/api/inspections/:id', {
    config: { access: 'inspection:read' },
    schema: {
      tags, summary: '督导检查详情 / One visit with its follow-ups', params: IdParams,
      querystring: Type.Object({ asOf: Type.Optional(dayText()) }), response: { 200: InspectionSchema },
    },
  }, async (req) => inspections.get(req.actor!, req.params.id, req.query.asOf));

  app.post('/api/inspections', {
    config: { access: 'inspection:write' },
    schema: { tags, summary: '记录督导检查 / Record a visit to a school, with its follow-ups', body: CreateInspectionBody, response: { 201: InspectionSchema } },
  }, async (req, reply) => reply.status(201).send(await inspections.create({ actor: req.actor!, ip: req.ip }, req.body)));

  // inspection:read, not write: the school's principal writes this; the service refuses anyone else.
  app.post('/api/inspections/follow-ups/:id/rectification', {
    config: { access: 'inspection:read' },
    schema: { tags, summary: '填写整改说明 / The school\'s principal reports a follow-up put right', params: IdParams, body: RectifyBody, response: { 200: FollowUpSchema } },
  }, async (req) => inspections.rectify({ actor: req.actor!, ip: req.ip }, req.params.id, req.body.note));

  app.post('/api/inspections/follow-ups/:id/review', {
    config: { access: 'inspection:write' },
    schema: { tags, summary: '验收或退回整改 / Verify a follow-up, or reopen a rectified one with a comment', params: IdParams, body: ReviewBody, response: { 200: FollowUpSchema } },
  }, async (req) => inspections.review({ actor: req.actor!, ip: req.ip }, req.params.id, req.body));
}
