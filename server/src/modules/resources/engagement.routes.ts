import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import {
  CommentBody, CommentListSchema, CommentParams, CommentSchema, EngagementSchema, FavouriteListSchema, PreparationListSchema, RatingBody,
  ResourceParams, UseBody, UseResult,
} from './engagement.schema.js';
import type { EngagementService } from './engagement.service.js';

/**
 * Using a resource: views and lesson preparations, favourites, ratings, comments, counts.
 * Every route needs only resource:read: using the library is part of reading it (county
 * researchers and inspectors rate and favourite too); the service finds the resource through the
 * actor's resource reach, so one out of reach answers 404.
 */
export function registerEngagementRoutes(app: AppInstance, deps: { engagement: EngagementService }) {
  const { engagement } = deps;
  const tags = ['resources'];
  const access = 'resource:read' as const;

  app.post('/api/resources/:id/uses', {
    config: { access },
    schema: {
      tags, summary: '记录使用 / Keep a view (once per visit; a reload within 30 minutes is the same view) or “used in my lesson preparation”',
      params: ResourceParams, body: UseBody, response: { 200: UseResult },
    },
  }, async (req) => engagement.use(req.actor!, req.params.id, req.body));

  app.get('/api/resources/:id/engagement', {
    config: { access },
    schema: { tags, summary: '使用情况 / Views, downloads, preparations, favourites, rating and comments of a resource, and mine', params: ResourceParams, response: { 200: EngagementSchema } },
  }, async (req) => engagement.engagement(req.actor!, req.params.id));

  app.put('/api/resources/:id/favourite', {
    config: { access },
    schema: { tags, summary: '收藏 / Add a resource to my favourites', params: ResourceParams, response: { 200: EngagementSchema } },
  }, async (req) => engagement.favourite({ actor: req.actor!, ip: req.ip }, req.params.id));

  app.delete('/api/resources/:id/favourite', {
    config: { access },
    schema: { tags, summary: '取消收藏 / Remove a resource from my favourites', params: ResourceParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await engagement.unfavourite({ actor: req.actor!, ip: req.ip }, req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/resources/favourites', {
    config: { access },
    schema: { tags, summary: '我的收藏 / My favourite resources (those I still reach), newest first', response: { 200: FavouriteListSchema } },
  }, async (req) => engagement.favourites(req.actor!));

  app.get('/api/resources/preparations', {
    config: { access },
    schema: { tags, summary: '我的备课 / Resources I used in my lesson preparation, newest first', response: { 200: PreparationListSchema } },
  }, async (req) => engagement.preparations(req.actor!));

  app.put('/api/resources/:id/rating', {
    config: { access },
    schema: { tags, summary: '评分 / Rate a resource 1–5 stars (one rating per person; a new one replaces it)', params: ResourceParams, body: RatingBody, response: { 200: EngagementSchema } },
  }, async (req) => engagement.rate({ actor: req.actor!, ip: req.ip }, req.params.id, req.body.stars));

  app.get('/api/resources/:id/comments', {
    config: { access },
    schema: { tags, summary: '资源评论 / A resource\'s comments, newest first', params: ResourceParams, response: { 200: CommentListSchema } },
  }, async (req) => engagement.comments(req.actor!, req.params.id));

  app.post('/api/resources/:id/comments', {
    config: { access },
    schema: { tags, summary: '发表评论 / Comment on a resource (audited)', params: ResourceParams, body: CommentBody, response: { 201: CommentSchema } },
  }, async (req, reply) => reply.status(201).send(await engagement.comment({ actor: req.actor!, ip: req.ip }, req.params.id, req.body.body)));

  app.delete('/api/resources/:id/comments/:commentId', {
    config: { access },
    schema: { tags, summary: '删除评论 / Delete a comment (its author, or the principal of the publisher\'s school; audited)', params: CommentParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await engagement.removeComment({ actor: req.actor!, ip: req.ip }, req.params.id, req.params.commentId);
    return reply.status(204).send(null);
  });
}
