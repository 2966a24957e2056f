import type { AppInstance } from '../../http/app-types.js';
import {
  ClassHomeworkQuery, ClassHomeworkSchema, FiguresQuery, HomeworkBody, HomeworkCheckSchema, HomeworkPostedSchema, StaffClassesSchema, WeeklyFiguresSchema,
} from './homework.schema.js';
import type { HomeworkService } from './homework.service.js';
import { IdParams } from './routine.schema.js';

/** 作业: class staff post homework with its time (warned over the national limit); families read it; bureaus read weekly figures. */
export function registerHomeworkRoutes(app: AppInstance, deps: { homework: HomeworkService }) {
  const { homework } = deps;
  const tags = ['homework'];

  app.get('/api/homework/classes', {
    config: { access: 'class:write' },
    schema: { tags, summary: '我可布置作业的班级 / Classes the caller posts homework for, with their limit', response: { 200: StaffClassesSchema } },
  }, async (req) => homework.staffClasses(req.actor!));

  app.post('/api/homework/check', {
    config: { access: 'class:write' },
    schema: { tags, summary: '发布前核对作业时长 / What a homework would do to the class\'s day (nothing saved)', body: HomeworkBody, response: { 200: HomeworkCheckSchema } },
  }, async (req) => homework.check(req.actor!, req.body));

  app.post('/api/homework', {
    config: { access: 'class:write' },
    schema: { tags, summary: '布置作业 / Post homework (answers with the limit\'s warning)', body: HomeworkBody, response: { 200: HomeworkPostedSchema } },
  }, async (req) => homework.post(req.actor!, req.body, req.ip));

  app.get('/api/classes/:id/homework', {
    config: { access: 'family:read' },
    schema: { tags, summary: '班级作业（按天，含书面作业时长） / A class\'s homework by day', params: IdParams, querystring: ClassHomeworkQuery, response: { 200: ClassHomeworkSchema } },
  }, async (req) => homework.ofClass(req.actor!, req.params.id, req.query));

  app.get('/api/homework/figures', {
    config: { access: 'family:stats' },
    schema: { tags, summary: '作业周统计（按学校或县） / Weekly homework figures per school (or county)', querystring: FiguresQuery, response: { 200: WeeklyFiguresSchema } },
  }, async (req) => homework.weekly(req.actor!, req.query));
}
