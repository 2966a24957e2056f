import type { AppInstance } from '../../http/app-types.js';
import { BulletinPage, BulletinSchema, CommendationsSchema, CreateBulletinBody, IdParams, ListQuery } from './bulletins.schema.js';
import type { BulletinsService } from './bulletins.service.js';

/** 通报 / 表彰: the city bureau's bulletins, read by everyone of the city. */
export function registerBulletinsRoutes(app: AppInstance, deps: { bulletins: BulletinsService }) {
  const { bulletins } = deps;
  const tags = ['bulletins'];

  app.get('/api/bulletins', {
    config: { access: 'bulletin:read' },
    schema: { tags, summary: '通报列表 / Published bulletins of my city (and drafts for the city bureau)', querystring: ListQuery, response: { 200: BulletinPage } },
  }, async (req) => bulletins.list(req.actor!, req.query));

  app.get('/api/bulletins/:id', {
    config: { access: 'bulletin:read' },
    schema: { tags, summary: '通报详情 / One bulletin with the schools and counties it names', params: IdParams, response: { 200: BulletinSchema } },
  }, async (req) => bulletins.get(req.actor!, req.params.id));

  app.get('/api/bulletins/schools/:id/commendations', {
    config: { access: 'bulletin:read' },
    schema: { tags, summary: '学校所获表彰 / Published commendations naming a school (its school page)', params: IdParams, response: { 200: CommendationsSchema } },
  }, async (req) => bulletins.schoolCommendations(req.actor!, req.params.id));

  app.post('/api/bulletins', {
    config: { access: 'bulletin:write' },
    schema: { tags, summary: '发布通报 / Publish (or draft) a bulletin naming schools and counties', body: CreateBulletinBody, response: { 201: BulletinSchema } },
  }, async (req, reply) => reply.status(201).send(await bulletins.create({ actor: req.actor!, ip: req.ip }, req.body)));

  app.post('/api/bulletins/:id/publish', {
    config: { access: 'bulletin:write' },
    schema: { tags, summary: '发布草稿 / Publish a draft bulletin', params: IdParams, response: { 200: BulletinSchema } },
  }, async (req) => bulletins.publish({ actor: req.actor!, ip: req.ip }, req.params.id));
}
