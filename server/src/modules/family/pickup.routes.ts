import { sendFile } from '../../http/send-file.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import { AppError, badRequest } from '../../http/errors.js';
import { readUploadedFile, type UploadedFile } from '../../http/uploaded-file.js';
import {
  AddOneOffBody, AddPersonBody, IdParams, OneOffSchema, PickupBody, PickupOutcomeSchema, PickupPeopleSchema, PickupPersonSchema,
} from './kindergarten.schema.js';
import type { PickupService } from './pickup.service.js';

/** The multipart field `file`: a photo (JPG or PNG, ≤ 5 MB, checked by the service). */
export function sentPhoto(req: FastifyRequest): Promise<UploadedFile> {
  return readUploadedFile(req, {
    missing: () => badRequest('PHOTO_MISSING', '没有收到照片：请选择或拍一张照片后上传（表单字段名 file）'),
    tooLarge: () => new AppError(413, 'PHOTO_TOO_LARGE', '照片超过 5 MB：请压缩或重新拍一张'),
  });
}

/** Sends a photo: private, never cached by a shared cache, never sniffed as anything else. */
export function sendPhoto(reply: FastifyReply, p: { body: Readable; size: number; contentType: string }) {
  return sendFile(reply, p);
}

/** 接送: a child's authorised people and one-off authorisations (guardians), and the class's pick-up desk (class staff). */
export function registerPickupRoutes(app: AppInstance, deps: { pickup: PickupService }) {
  const { pickup } = deps;
  const tags = ['kindergarten'];

  app.get('/api/kindergarten/children/:id/pickup-people', {
    config: { access: 'family:read' },
    schema: { tags, summary: '接送人与临时委托 / A kindergarten child\'s authorised pick-up people and one-offs from today', params: IdParams, response: { 200: PickupPeopleSchema } },
  }, async (req) => pickup.people(req.actor!, req.params.id));

  app.post('/api/kindergarten/children/:id/pickup-persons', {
    config: { access: 'family:write' },
    schema: { tags, summary: '添加接送人 / Authorise a pick-up person (a guardian, own child; never a minor)', params: IdParams, body: AddPersonBody, response: { 201: PickupPersonSchema } },
  }, async (req, reply) => reply.status(201).send(await pickup.addPerson(req.actor!, req.params.id, req.body, req.ip)));

  app.delete('/api/kindergarten/pickup-persons/:id', {
    config: { access: 'family:write' },
    schema: { tags, summary: '移除接送人 / Remove a pick-up person (kept in the history, no longer authorised)', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await pickup.removePerson(req.actor!, req.params.id, req.ip);
    return reply.status(204).send(null);
  });

  app.put('/api/kindergarten/pickup-persons/:id/photo', {
    config: { access: 'family:write' },
    schema: { tags, summary: '接送人照片 / Set a pick-up person\'s photo (multipart field file; JPG/PNG ≤ 5 MB)', consumes: ['multipart/form-data'], params: IdParams, response: { 200: PickupPersonSchema } },
  }, async (req) => pickup.putPersonPhoto(req.actor!, req.params.id, await sentPhoto(req), req.ip));

  app.get('/api/kindergarten/pickup-persons/:id/photo', {
    config: { access: 'family:read' },
    schema: { tags, summary: '接送人照片 / A pick-up person\'s photo (guardians and class staff)', params: IdParams },
  }, async (req, reply) => sendPhoto(reply, await pickup.personPhoto(req.actor!, req.params.id)));

  app.post('/api/kindergarten/children/:id/one-offs', {
    config: { access: 'family:write' },
    schema: { tags, summary: '临时接送委托 / Authorise someone once, for one day (expires at its end, Asia/Shanghai)', params: IdParams, body: AddOneOffBody, response: { 201: OneOffSchema } },
  }, async (req, reply) => reply.status(201).send(await pickup.addOneOff(req.actor!, req.params.id, req.body, req.ip)));

  app.delete('/api/kindergarten/one-offs/:id', {
    config: { access: 'family:write' },
    schema: { tags, summary: '取消临时委托 / Cancel an unused one-off authorisation', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await pickup.cancelOneOff(req.actor!, req.params.id, req.ip);
    return reply.status(204).send(null);
  });

  app.put('/api/kindergarten/one-offs/:id/photo', {
    config: { access: 'family:write' },
    schema: { tags, summary: '临时委托照片 / Set a one-off person\'s photo (multipart field file; JPG/PNG ≤ 5 MB)', consumes: ['multipart/form-data'], params: IdParams, response: { 200: OneOffSchema } },
  }, async (req) => pickup.putOneOffPhoto(req.actor!, req.params.id, await sentPhoto(req), req.ip));

  app.get('/api/kindergarten/one-offs/:id/photo', {
    config: { access: 'family:read' },
    schema: { tags, summary: '临时委托照片 / A one-off person\'s photo', params: IdParams },
  }, async (req, reply) => sendPhoto(reply, await pickup.oneOffPhoto(req.actor!, req.params.id)));

  app.post('/api/kindergarten/children/:id/pickup', {
    config: { access: 'class:write' },
    schema: {
      tags, summary: '离园接送 / The pick-up desk: an authorised person is recorded; anyone else is refused, logged and the guardians told',
      params: IdParams, body: PickupBody, response: { 201: PickupOutcomeSchema },
    },
  }, async (req, reply) => reply.status(201).send(await pickup.pickUp(req.actor!, req.params.id, req.body, req.ip)));
}
