import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import type { CareService } from './care.service.js';
import {
  AddMedicationBody, ArrivalBody, ArrivalSchema, ChildDaySchema, ClassDaySchema, DayQuery, DoseBody, HealthCheckBody, HealthCheckSchema, IdParams,
  KindergartenChildrenSchema, KindergartenClassesSchema, MedicationListSchema, MedicationSchema,
} from './kindergarten.schema.js';
import { sendPhoto, sentPhoto } from './pickup.routes.js';

/** Kindergarten care: arrivals, 晨检 and doses (class staff), entrusted medication (guardians), and the day views. */
export function registerCareRoutes(app: AppInstance, deps: { care: CareService }) {
  const { care } = deps;
  const tags = ['kindergarten'];

  app.get('/api/kindergarten/children', {
    config: { access: 'family:read' },
    schema: { tags, summary: '幼儿园的孩子 / The kindergarten children the caller reaches (a guardian\'s own)', response: { 200: KindergartenChildrenSchema } },
  }, async (req) => care.myChildren(req.actor!));

  app.get('/api/kindergarten/classes', {
    config: { access: 'class:write' },
    schema: { tags, summary: '我的幼儿园班级 / The kindergarten classes the caller is class staff of', response: { 200: KindergartenClassesSchema } },
  }, async (req) => care.myClasses(req.actor!));

  app.get('/api/kindergarten/classes/:id/day', {
    config: { access: 'class:write' },
    schema: { tags, summary: '班级一日 / A class\'s day: arrivals, 晨检, pick-ups, refusals, authorised people, medication (audited)', params: IdParams, querystring: DayQuery, response: { 200: ClassDaySchema } },
  }, async (req) => care.classDay(req.actor!, req.params.id, req.query.day, req.ip));

  app.get('/api/kindergarten/children/:id/day', {
    config: { access: 'family:read' },
    schema: { tags, summary: '孩子的一天 / A child\'s arrival, pick-up, refusals, 晨检 and medication on a day', params: IdParams, querystring: DayQuery, response: { 200: ChildDaySchema } },
  }, async (req) => care.childDay(req.actor!, req.params.id, req.query.day));

  app.post('/api/kindergarten/children/:id/arrival', {
    config: { access: 'class:write' },
    schema: { tags, summary: '入园 / Record a child\'s arrival now, and who brought them', params: IdParams, body: ArrivalBody, response: { 201: ArrivalSchema } },
  }, async (req, reply) => reply.status(201).send(await care.arrive(req.actor!, req.params.id, req.body.broughtBy, req.ip)));

  app.put('/api/kindergarten/children/:id/health-check', {
    config: { access: 'class:write' },
    schema: { tags, summary: '晨检 / Record (or correct) today\'s morning health check', params: IdParams, body: HealthCheckBody, response: { 200: HealthCheckSchema } },
  }, async (req) => care.check(req.actor!, req.params.id, req.body, req.ip));

  app.get('/api/kindergarten/children/:id/medications', {
    config: { access: 'family:read' },
    schema: { tags, summary: '委托服药 / A child\'s entrusted medication with every dose given', params: IdParams, response: { 200: MedicationListSchema } },
  }, async (req) => care.medications(req.actor!, req.params.id));

  app.post('/api/kindergarten/children/:id/medications', {
    config: { access: 'family:write' },
    schema: { tags, summary: '委托服药 / Entrust medication (a guardian, own child; ≤ 14 days)', params: IdParams, body: AddMedicationBody, response: { 201: MedicationSchema } },
  }, async (req, reply) => reply.status(201).send(await care.entrust(req.actor!, req.params.id, req.body, req.ip)));

  app.delete('/api/kindergarten/medications/:id', {
    config: { access: 'family:write' },
    schema: { tags, summary: '取消委托服药 / Cancel entrusted medication (doses given stay recorded)', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await care.cancelMedication(req.actor!, req.params.id, req.ip);
    return reply.status(204).send(null);
  });

  app.put('/api/kindergarten/medications/:id/photo', {
    config: { access: 'family:write' },
    schema: { tags, summary: '药品照片 / Photo of the medicine\'s package (multipart field file; JPG/PNG ≤ 5 MB)', consumes: ['multipart/form-data'], params: IdParams, response: { 200: MedicationSchema } },
  }, async (req) => care.putMedicationPhoto(req.actor!, req.params.id, await sentPhoto(req), req.ip));

  app.get('/api/kindergarten/medications/:id/photo', {
    config: { access: 'family:read' },
    schema: { tags, summary: '药品照片 / The medicine package\'s photo', params: IdParams },
  }, async (req, reply) => sendPhoto(reply, await care.medicationPhoto(req.actor!, req.params.id)));

  app.post('/api/kindergarten/medications/:id/doses', {
    config: { access: 'class:write' },
    schema: { tags, summary: '喂药记录 / Record a dose given now (class staff; only on a due day, no more than its times)', params: IdParams, body: DoseBody, response: { 201: MedicationSchema } },
  }, async (req, reply) => reply.status(201).send(await care.giveDose(req.actor!, req.params.id, req.body.note, req.ip)));
}
