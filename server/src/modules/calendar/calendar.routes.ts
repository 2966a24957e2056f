import type { AppInstance } from '../../http/app-types.js';
import { CalendarQuery, CalendarSchema, DeleteExceptionQuery, DeleteResult, SaveExceptionsBody, SaveResult } from './calendar.schema.js';
import type { CalendarService } from './calendar.service.js';
import { registerCalendarAdminRoutes } from './calendar-admin.routes.js';

export function registerCalendarRoutes(app: AppInstance, deps: { calendar: CalendarService }) {
  const { calendar } = deps;
  const tags = ['calendar'];

  app.get('/api/calendar', {
    config: { access: 'org:read' },
    schema: {
      tags, summary: '校历 / School days of a school, county or city, with the reason for each day',
      querystring: CalendarQuery, response: { 200: CalendarSchema },
    },
  }, async (req) => calendar.view(req.actor!, req.query));

  app.post('/api/calendar/exceptions', {
    config: { access: 'calendar:write' },
    schema: {
      tags, summary: '保存校历例外 / Save exception days (exam days, closures, extra school days) of a school, county or city',
      body: SaveExceptionsBody, response: { 201: SaveResult },
    },
  }, async (req, reply) => reply.code(201).send(await calendar.saveExceptions(req.actor!, req.body, req.ip)));

  app.delete('/api/calendar/exceptions', {
    config: { access: 'calendar:write' },
    schema: {
      tags, summary: '删除校历例外 / Remove the exception of a day at a school, county or city',
      querystring: DeleteExceptionQuery, response: { 200: DeleteResult },
    },
  }, async (req) => calendar.deleteException(req.actor!, req.query, req.ip));

  registerCalendarAdminRoutes(app, { admin: calendar.admin });
}
