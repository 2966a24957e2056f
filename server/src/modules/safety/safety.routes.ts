import { sendFile } from '../../http/send-file.js';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../http/app-types.js';
import { AppError, badRequest } from '../../http/errors.js';
import { readUploadedFile } from '../../http/uploaded-file.js';
import type { HazardsService } from './hazards.service.js';
import {
  DrillListQuery, DrillPage, DrillSchema, HazardDetailSchema, HazardListQuery, HazardPage, IdParams, NewDrillBody, NewHazardBody,
  NewSafetyCheckBody, SafetyCheckListQuery, SafetyCheckPage, SafetyCheckSchema, PhotoParams, PhotoQuery, PhotoSavedSchema, RectifyBody, SafetyStatsSchema,
  SchoolAreasSchema, SchoolParams, SetAreasBody, VerifyBody,
} from './safety.schema.js';
import type { SafetyService } from './safety.service.js';

/** The multipart field `file` (a photo), or a 400/413 the person can act on. */
function sentPhoto(req: FastifyRequest) {
  return readUploadedFile(req, {
    missing: () => badRequest('SAFETY_PHOTO_MISSING', '没有收到照片：请拍照或选择照片后上传（表单字段名 file）'),
    tooLarge: () => new AppError(413, 'SAFETY_PHOTO_TOO_LARGE', '照片超过 10 MB：请压缩后再上传'),
  });
}

/** 平安校园: checklist areas, safety checks, hazards and their rectification, drills, figures. */
export function registerSafetyRoutes(app: AppInstance, deps: { safety: SafetyService; hazards: HazardsService }) {
  const { safety, hazards } = deps;
  const tags = ['safety'];
  const who = (req: FastifyRequest) => ({ actor: req.actor!, ip: req.ip });

  app.get('/api/safety/schools/:schoolId/areas', {
    config: { access: 'safety:read' },
    schema: { tags, summary: '学校的检查区域 / The checklist areas a school keeps, and its staff', params: SchoolParams, response: { 200: SchoolAreasSchema } },
  }, async (req) => safety.areas(req.actor!, req.params.schoolId));

  app.put('/api/safety/schools/:schoolId/areas', {
    config: { access: 'safety:write' },
    schema: { tags, summary: '设置检查区域 / Turn checklist areas on or off (the school\'s principal)', params: SchoolParams, body: SetAreasBody, response: { 200: SchoolAreasSchema } },
  }, async (req) => safety.setAreas(who(req), req.params.schoolId, req.body.enabled));

  app.get('/api/safety/checks', {
    config: { access: 'safety:read' },
    schema: { tags, summary: '安全巡查记录 / Safety checks in scope, newest first', querystring: SafetyCheckListQuery, response: { 200: SafetyCheckPage } },
  }, async (req) => safety.checks(req.actor!, req.query));

  app.post('/api/safety/checks', {
    config: { access: 'safety:write' },
    schema: { tags, summary: '记录安全巡查 / Record a check; each problem raises a hazard (the school\'s staff)', body: NewSafetyCheckBody, response: { 201: SafetyCheckSchema } },
  }, async (req, reply) => reply.status(201).send(await safety.recordSafetyCheck(who(req), req.body)));

  app.get('/api/safety/checks/:id', {
    config: { access: 'safety:read' },
    schema: { tags, summary: '巡查详情 / A check with its answers', params: IdParams, response: { 200: SafetyCheckSchema } },
  }, async (req) => safety.check(req.actor!, req.params.id));

  app.get('/api/safety/hazards', {
    config: { access: 'safety:read' },
    schema: { tags, summary: '安全隐患 / Hazards in scope, soonest deadline first; escalated=true: those escalated to the county', querystring: HazardListQuery, response: { 200: HazardPage } },
  }, async (req) => hazards.list(req.actor!, req.query));

  app.post('/api/safety/hazards', {
    config: { access: 'safety:write' },
    schema: { tags, summary: '上报隐患 / Report a hazard (the school\'s staff)', body: NewHazardBody, response: { 201: HazardDetailSchema } },
  }, async (req, reply) => reply.status(201).send(await hazards.create(who(req), req.body)));

  app.get('/api/safety/hazards/:id', {
    config: { access: 'safety:read' },
    schema: { tags, summary: '隐患详情 / A hazard with its photos and what the caller may do', params: IdParams, response: { 200: HazardDetailSchema } },
  }, async (req) => hazards.detail(req.actor!, req.params.id));

  app.post('/api/safety/hazards/:id/start', {
    config: { access: 'safety:write' },
    schema: { tags, summary: '开始整改 / Start rectifying (the responsible person or the principal)', params: IdParams, response: { 200: HazardDetailSchema } },
  }, async (req) => hazards.start(who(req), req.params.id));

  app.post('/api/safety/hazards/:id/rectify', {
    config: { access: 'safety:write' },
    schema: { tags, summary: '提交整改 / Rectified, with a note (the responsible person or the principal)', params: IdParams, body: RectifyBody, response: { 200: HazardDetailSchema } },
  }, async (req) => hazards.rectify(who(req), req.params.id, req.body.note));

  app.post('/api/safety/hazards/:id/verify', {
    config: { access: 'safety:write' },
    schema: { tags, summary: '整改验收 / Accept or send back a rectification (the principal)', params: IdParams, body: VerifyBody, response: { 200: HazardDetailSchema } },
  }, async (req) => hazards.verify(who(req), req.params.id, req.body.accepted, req.body.note));

  app.post('/api/safety/hazards/:id/photos', {
    config: { access: 'safety:write' },
    schema: {
      tags, summary: '上传隐患照片 / Add a photo (multipart field file; JPEG or PNG, ≤ 10 MB); stage=report or rectification',
      consumes: ['multipart/form-data'], params: IdParams, querystring: PhotoQuery, response: { 201: PhotoSavedSchema },
    },
  }, async (req, reply) => reply.status(201).send(await hazards.addPhoto(who(req), req.params.id, req.query.stage, await sentPhoto(req))));

  app.get('/api/safety/hazards/:id/photos/:photoId', {
    config: { access: 'safety:read' },
    schema: { tags, summary: '隐患照片 / A hazard\'s photo (the image)', params: PhotoParams },
  }, async (req, reply) => {
    const p = await hazards.photo(req.actor!, req.params.id, req.params.photoId);
    return sendFile(reply, p, { cache: 'private, max-age=300' });
  });

  app.get('/api/safety/drills', {
    config: { access: 'safety:read' },
    schema: { tags, summary: '应急演练 / Drills in scope, newest first', querystring: DrillListQuery, response: { 200: DrillPage } },
  }, async (req) => safety.drills(req.actor!, req.query));

  app.post('/api/safety/drills', {
    config: { access: 'safety:write' },
    schema: { tags, summary: '记录演练 / Record a drill (the school\'s staff)', body: NewDrillBody, response: { 201: DrillSchema } },
  }, async (req, reply) => reply.status(201).send(await safety.recordDrill(who(req), req.body)));

  app.get('/api/safety/stats', {
    config: { access: 'safety:read' },
    schema: { tags, summary: '平安校园统计 / Figures per school, county and in total for the caller\'s scope', response: { 200: SafetyStatsSchema } },
  }, async (req) => safety.stats(req.actor!));
}

