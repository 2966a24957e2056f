import type { AppInstance } from '../../http/app-types.js';
import { ActivityParams, ActivityRubricResultsSchema, LessonParams, SaveScoresBody, ScoreSheetSchema } from './scores.schema.js';
import type { ScoresService } from './scores.service.js';

/** 量表评分: an observer's score sheet for a lesson of an activity, and the activity's results. */
export function registerScoresRoutes(app: AppInstance, deps: { scores: ScoresService }) {
  const { scores } = deps;
  const tags = ['research'];

  app.get('/api/research/activities/:activityId/lessons/:recordingId/scores', {
    config: { access: 'research:read' },
    schema: {
      tags, summary: '我的评分表 / The caller\'s scores of one lesson on the activity\'s rubric, and whether scoring is open',
      params: LessonParams, response: { 200: ScoreSheetSchema },
    },
  }, async (req) => scores.sheet(req.actor!, req.params));

  app.put('/api/research/activities/:activityId/lessons/:recordingId/scores', {
    config: { access: 'research:write' },
    schema: {
      tags, summary: '保存评分 / Save some item scores (a level\'s score and a note each; null takes one back)',
      params: LessonParams, body: SaveScoresBody, response: { 200: ScoreSheetSchema },
    },
  }, async (req) => scores.save({ actor: req.actor!, ip: req.ip }, req.params, req.body));

  app.get('/api/research/activities/:activityId/rubric-results', {
    config: { access: 'research:read' },
    schema: {
      tags, summary: '量表评分结果 / Per lesson: each observer\'s scores, the means, and the agreement between observers',
      params: ActivityParams, response: { 200: ActivityRubricResultsSchema },
    },
  }, async (req) => scores.results(req.actor!, req.params.activityId));
}
