import type { AppInstance } from '../../http/app-types.js';
import { QueueQuery, ResourceParams, ReviewBody, ReviewHistorySchema, ReviewOutcomeSchema, ReviewQueueSchema } from './review.schema.js';
import type { ReviewService } from './review.service.js';

/** 资源审核: the reviewer's queue, one review step, resubmitting, and a resource's review history. */
export function registerReviewRoutes(app: AppInstance, deps: { review: ReviewService }) {
  const { review } = deps;
  const tags = ['resources'];

  app.get('/api/resources/review-queue', {
    config: { access: 'resource:review' },
    schema: { tags, summary: '待我审核 / What waits for the levels I review at, where I review them', querystring: QueueQuery, response: { 200: ReviewQueueSchema } },
  }, async (req) => review.queue(req.actor!, req.query));

  app.post('/api/resources/:id/review', {
    config: { access: 'resource:review' },
    schema: {
      tags, summary: '审核资源 / Approve (optionally featuring), return with a comment, feature or unfeature (the publisher is told)',
      params: ResourceParams, body: ReviewBody, response: { 200: ReviewOutcomeSchema },
    },
  }, async (req) => review.review({ actor: req.actor!, ip: req.ip }, req.params.id, req.body));

  app.post('/api/resources/:id/submit', {
    config: { access: 'resource:write' },
    schema: {
      tags, summary: '提交审核 / The publisher resubmits a returned or withdrawn resource to the school (idempotent)',
      params: ResourceParams, response: { 200: ReviewOutcomeSchema },
    },
  }, async (req) => review.submit({ actor: req.actor!, ip: req.ip }, req.params.id));

  app.get('/api/resources/:id/history', {
    config: { access: 'resource:read' },
    schema: { tags, summary: '审核记录 / A resource\'s review steps (its publisher and its school\'s supervisors)', params: ResourceParams, response: { 200: ReviewHistorySchema } },
  }, async (req) => review.history(req.actor!, req.params.id));
}
