import type { AppInstance } from '../../http/app-types.js';
import {
  ClassConsentsSchema, ConsentHistorySchema, ConsentIdParams, ConsentSavedSchema, MyConsentsSchema, SetConsentBody,
} from './consent.schema.js';
import type { ConsentService } from './consent.service.js';

/** 肖像使用同意: guardians set their children's consent; the school records paper forms and reads a class's. */
export function registerConsentRoutes(app: AppInstance, deps: { consent: ConsentService }) {
  const { consent } = deps;
  const tags = ['consent'];

  app.get('/api/consents/mine', {
    config: { access: 'consent:read' },
    schema: { tags, summary: '我的孩子的出镜授权 / My children\'s video consent (audited)', response: { 200: MyConsentsSchema } },
  }, async (req) => consent.mine(req.actor!, req.ip));

  app.put('/api/students/:id/consent', {
    config: { access: 'consent:write' },
    schema: {
      tags, summary: '设置出镜授权 / Set a child\'s video consent (guardian; principal records a paper form)',
      params: ConsentIdParams, body: SetConsentBody, response: { 200: ConsentSavedSchema },
    },
  }, async (req) => consent.set(req.actor!, req.params.id, req.body.level, req.ip));

  app.get('/api/students/:id/consent/history', {
    config: { access: 'consent:read' },
    schema: { tags, summary: '出镜授权变更记录 / A child\'s consent history (audited)', params: ConsentIdParams, response: { 200: ConsentHistorySchema } },
  }, async (req) => consent.history(req.actor!, req.params.id, req.ip));

  app.get('/api/classes/:id/consents', {
    config: { access: 'consent:read' },
    schema: { tags, summary: '班级出镜授权 / A class\'s pupils and their consent (audited)', params: ConsentIdParams, response: { 200: ClassConsentsSchema } },
  }, async (req) => consent.ofClass(req.actor!, req.params.id, req.ip));
}
