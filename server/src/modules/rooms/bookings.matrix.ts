import { allExcept, MATRIX_ACTORS, type ItemOutcome, type MatrixActor, type MatrixEntry } from '../../access/matrix/matrix-types.js';
import { activitiesOf } from '../research/activities-fixture.js';
import { roomsOf } from './rooms-fixture.js';

/**
 * Access-matrix entries of rooms' one-off bookings. Reading follows org:read, like the room's
 * timetable. Booking and cancelling need research:write and the research activity's organising
 * rights (the purpose check research gives rooms): the city, 冠县's staff at own and sibling, the
 * principal at own; the member teacher at own sees the room but does not organise (403). Each
 * actor books for its own activity (activities-fixture.ts), at its own hour, so no two overlap.
 */
const READ_ITEM = allExcept<ItemOutcome>([200, 200, 404], {
  anonymous: 401, auditor: 403, parent: 403, sysadmin: 200, secadmin: 200, city_admin: 200, principal: [200, 404, 404], teacher: [200, 404, 404],
});
const ORGANISE = (ok: number) => allExcept<ItemOutcome>(403, {
  anonymous: 401, city_admin: ok, county_admin: [ok, ok, 404], dept_staff: [ok, ok, 404], researcher: [ok, ok, 404],
  principal: [ok, 404, 404], teacher: [403, 404, 404],
});
const hourOf = (a: MatrixActor) => (Object.keys(MATRIX_ACTORS) as MatrixActor[]).indexOf(a);

export const bookingsMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/rooms/:id/bookings', kind: 'item',
    request: (f, t) => ({ method: 'GET', url: `/api/rooms/${roomsOf(f).room[t]}/bookings` }),
    expect: READ_ITEM,
  },
  {
    route: 'POST /api/rooms/:id/bookings', kind: 'item',
    request: (f, t, a) => {
      const startsAt = new Date(Date.UTC(2030, 0, 7, 1 + hourOf(a)));
      return {
        method: 'POST', url: `/api/rooms/${roomsOf(f).room[t]}/bookings`,
        payload: {
          purpose: 'research', purposeRef: activitiesOf(f).bookingActivity[a][t], startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 45 * 60_000).toISOString(),
        },
      };
    },
    expect: ORGANISE(201),
  },
  {
    route: 'DELETE /api/rooms/:id/bookings/:bookingId', kind: 'item',
    request: (f, t, a) => ({ method: 'DELETE', url: `/api/rooms/${roomsOf(f).room[t]}/bookings/${activitiesOf(f).booking[a][t]}` }),
    expect: ORGANISE(204),
  },
];
