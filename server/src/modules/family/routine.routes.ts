import type { AppInstance } from '../../http/app-types.js';
import {
  DayQuery, IdParams, RangeQuery, SaveTimetableBody, SchoolCalendarSchema, TimetableSavedSchema, TimetableSchema, TodaySchema,
} from './routine.schema.js';
import type { RoutineService } from './routine.service.js';
import { Type } from 'typebox';

const ChildrenSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), label: Type.String(), studentNo: Type.String(), classId: Type.Integer(), gradeLevel: Type.Integer(), schoolName: Type.String() })),
});

/** 日常: a class's timetable, a child's day and school calendar (family app), the timetable editor (class staff). */
export function registerRoutineRoutes(app: AppInstance, deps: { routine: RoutineService }) {
  const { routine } = deps;
  const tags = ['family'];

  app.get('/api/family/routine/children', {
    config: { access: 'family:read' },
    schema: { tags, summary: '日常：可查看的孩子 / Children whose routine the caller reaches', response: { 200: ChildrenSchema } },
  }, async (req) => routine.children(req.actor!));

  app.get('/api/classes/:id/timetable', {
    config: { access: 'family:read' },
    schema: { tags, summary: '班级课程表 / A class\'s weekly timetable', params: IdParams, response: { 200: TimetableSchema } },
  }, async (req) => routine.timetable(req.actor!, req.params.id));

  app.put('/api/classes/:id/timetable', {
    config: { access: 'class:write' },
    schema: { tags, summary: '保存班级课程表 / Replace a class\'s weekly timetable (class staff)', params: IdParams, body: SaveTimetableBody, response: { 200: TimetableSavedSchema } },
  }, async (req) => routine.saveTimetable(req.actor!, req.params.id, req.body.lessons, req.ip));

  app.get('/api/family/children/:id/today', {
    config: { access: 'family:read' },
    schema: { tags, summary: '孩子今日课程与作业 / A child\'s lessons and homework of a day (default today)', params: IdParams, querystring: DayQuery, response: { 200: TodaySchema } },
  }, async (req) => routine.dayOf(req.actor!, req.params.id, req.query.day));

  app.get('/api/family/children/:id/school-calendar', {
    config: { access: 'family:read' },
    schema: { tags, summary: '孩子学校的校历 / The school calendar of a child\'s school (terms, holidays, 调休)', params: IdParams, querystring: RangeQuery, response: { 200: SchoolCalendarSchema } },
  }, async (req) => routine.calendarOf(req.actor!, req.params.id, req.query));
}
