import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import {
  CommentEditsSchema, CommentListSchema, CommentParams, CommentSchema, CreateCommentBody, EditCommentBody, LessonParams, ListQuery, ReplyBody,
} from './comments.schema.js';
import type { CommentsService } from './comments.service.js';

/** 评课: time-stamped comments on a lesson, inside a research activity or outside any. */
export function registerCommentsRoutes(app: AppInstance, deps: { comments: CommentsService }) {
  const { comments } = deps;
  const tags = ['research'];

  app.get('/api/research/lessons/:recordingId/comments', {
    config: { access: 'research:read' },
    schema: {
      tags, summary: '课例评论 / A lesson\'s comments in time order, as threads (inside the activity given, or outside any)',
      params: LessonParams, querystring: ListQuery, response: { 200: CommentListSchema },
    },
  }, async (req) => comments.list(req.actor!, req.params.recordingId, req.query.activityId ?? null));

  app.post('/api/research/lessons/:recordingId/comments', {
    config: { access: 'research:write' },
    schema: {
      tags, summary: '发表评论 / Comment at a moment of the lesson (the teacher is told)',
      params: LessonParams, body: CreateCommentBody, response: { 201: CommentSchema },
    },
  }, async (req, reply) => reply.status(201).send(await comments.create({ actor: req.actor!, ip: req.ip }, req.params.recordingId, req.body)));

  app.post('/api/research/comments/:id/replies', {
    config: { access: 'research:write' },
    schema: {
      tags, summary: '回复评论 / Reply to a comment (at its time, in its activity; its author is told)',
      params: CommentParams, body: ReplyBody, response: { 201: CommentSchema },
    },
  }, async (req, reply) => reply.status(201).send(await comments.reply({ actor: req.actor!, ip: req.ip }, req.params.id, req.body)));

  app.patch('/api/research/comments/:id', {
    config: { access: 'research:write' },
    schema: { tags, summary: '修改评论 / Edit one\'s own comment (the earlier wording is kept)', params: CommentParams, body: EditCommentBody, response: { 200: CommentSchema } },
  }, async (req) => comments.edit({ actor: req.actor!, ip: req.ip }, req.params.id, req.body.body));

  app.delete('/api/research/comments/:id', {
    config: { access: 'research:write' },
    schema: { tags, summary: '删除评论 / Delete a comment (its author, or the activity\'s organiser; audited)', params: CommentParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await comments.remove({ actor: req.actor!, ip: req.ip }, req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/research/comments/:id/edits', {
    config: { access: 'research:read' },
    schema: { tags, summary: '修改记录 / A comment\'s earlier wordings', params: CommentParams, response: { 200: CommentEditsSchema } },
  }, async (req) => comments.edits(req.actor!, req.params.id));
}
