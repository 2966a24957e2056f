import type { NewRoomBooking, RoomBooking, RoomBookings } from '@shared/research-activities-types';
import { api } from '../../../api/client';

/** One-off bookings of a room in a span of days (default: the next eight weeks). */
export function listBookings(roomId: number, range: { from?: string; to?: string } = {}, signal?: AbortSignal) {
  return api.get<RoomBookings>(`/api/rooms/${roomId}/bookings`, { query: { ...range }, signal });
}

/** Books a room to record an activity's lesson at a set time. */
export function createBooking(roomId: number, body: NewRoomBooking) {
  return api.post<RoomBooking>(`/api/rooms/${roomId}/bookings`, body);
}

export function cancelBooking(roomId: number, bookingId: number) {
  return api.delete<void>(`/api/rooms/${roomId}/bookings/${bookingId}`);
}
