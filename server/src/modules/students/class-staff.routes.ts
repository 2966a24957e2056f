import type { AppInstance } from '../../http/app-types.js';
import { AddClassStaffBody, ClassIdParams, ClassStaffListSchema, ClassStaffParams } from './class-staff.schema.js';
import type { ClassStaffService } from './class-staff.service.js';

/** 班级教师: a class's 班主任 and 任课教师; the school's principal assigns them. */
export function registerClassStaffRoutes(app: AppInstance, deps: { classStaff: ClassStaffService }) {
  const { classStaff } = deps;
  const tags = ['class-staff'];

  app.get('/api/classes/:id/staff', {
    config: { access: 'class:write' },
    schema: { tags, summary: '班级教师 / A class\'s head and subject teachers', params: ClassIdParams, response: { 200: ClassStaffListSchema } },
  }, async (req) => classStaff.list(req.actor!, req.params.id));

  app.post('/api/classes/:id/staff', {
    config: { access: 'class:write' },
    schema: {
      tags, summary: '指定班级教师 / Make a teacher of the school head or subject teacher of a class (principal)',
      params: ClassIdParams, body: AddClassStaffBody, response: { 200: ClassStaffListSchema },
    },
  }, async (req) => classStaff.add(req.actor!, req.params.id, req.body, req.ip));

  app.delete('/api/classes/:id/staff/:userId', {
    config: { access: 'class:write' },
    schema: { tags, summary: '移出班级教师 / Remove a teacher from a class (principal)', params: ClassStaffParams, response: { 200: ClassStaffListSchema } },
  }, async (req) => classStaff.remove(req.actor!, req.params.id, req.params.userId, req.ip));
}
