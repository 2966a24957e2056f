import type { AppInstance } from '../../http/app-types.js';
import { IdParams, StudentFilterQuery, StudentPage, StudentSchema } from './students.schema.js';
import type { StudentsService } from './students.service.js';

/** 学生: read-only access to children's records for their school's staff and their own guardians. */
export function registerStudentsRoutes(app: AppInstance, deps: { students: StudentsService }) {
  const { students } = deps;
  const tags = ['students'];

  app.get('/api/students', {
    config: { access: 'student:read' },
    schema: { tags, summary: '学生列表 / Children in scope (audited)', querystring: StudentFilterQuery, response: { 200: StudentPage } },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return students.listStudents(req.actor!, filter, page, pageSize, req.ip);
  });

  app.get('/api/students/:id', {
    config: { access: 'student:read' },
    schema: { tags, summary: '学生详情 / One child (audited)', params: IdParams, response: { 200: StudentSchema } },
  }, async (req) => students.getStudent(req.actor!, req.params.id, req.ip));
}
