import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import { BookingList, BookingListQuery, BookingParams, BookingSchema, CreateBookingBody, RoomParams } from './bookings.schema.js';
import type { BookingsService } from './bookings.service.js';

/** One-off bookings of a recording room (教研 lessons recorded at a set time), beside its weekly timetable. */
export function registerBookingsRoutes(app: AppInstance, deps: { bookings: BookingsService }) {
  const { bookings } = deps;
  const tags = ['rooms'];

  app.get('/api/rooms/:id/bookings', {
    config: { access: 'org:read' },
    schema: { tags, summary: '录播室预约 / One-off bookings of a room in a span of days', params: RoomParams, querystring: BookingListQuery, response: { 200: BookingList } },
  }, async (req) => bookings.list(req.actor!, req.params.id, req.query));

  // research:write: the only purpose is a research activity, and its organiser books (the purpose check decides).
  app.post('/api/rooms/:id/bookings', {
    config: { access: 'research:write' },
    schema: { tags, summary: '预约录播室 / Book a room to record an activity\'s lesson at a set time', params: RoomParams, body: CreateBookingBody, response: { 201: BookingSchema } },
  }, async (req, reply) => reply.status(201).send(await bookings.create({ actor: req.actor!, ip: req.ip }, req.params.id, req.body)));

  app.delete('/api/rooms/:id/bookings/:bookingId', {
    config: { access: 'research:write' },
    schema: { tags, summary: '取消录播室预约 / Cancel a booking (its maker or the activity\'s organiser)', params: BookingParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await bookings.cancel({ actor: req.actor!, ip: req.ip }, req.params.id, req.params.bookingId);
    return reply.status(204).send(null);
  });
}
