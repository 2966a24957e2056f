/**
 * Lessons another module holds in recording rooms — today the live classes of 互动教学, led from
 * one room and received in others. They show on each room's timetable, in the room recorder's
 * heartbeat answer (what it is to send live) and in the offline alerts before lessons. Given by
 * the composition root as a provider: rooms never import the modules that hold them.
 */
export interface HeldLesson {
  roomId: number;
  /** lead: the lesson is taught from this room; receiving: this room takes it from another school. */
  role: 'lead' | 'receiving';
  /** 1 = Monday … 7 every week, or null for a lesson on `day` only. */
  weekday: number | null;
  /** The lesson's day (one-off lessons, and every answer of `onDay`). */
  day: string | null;
  startsOn: string;
  untilOn: string | null;
  /** HH:MM, Asia/Shanghai. */
  startsAt: string;
  endsAt: string;
  title: string;
  subject: string;
  grade: string;
  teacher: string;
  /** The lead room's school name (what a receiving room's timetable says the lesson comes from). */
  fromSchool: string;
  /** The holding module's ids: its class, and (from `onDay`) the day's session. */
  classId: number;
  sessionId: number | null;
}

export interface RoomHeldLessons {
  /** Weekly lessons and one-offs from `today` on, held in one room (its timetable). */
  ofRoom(roomId: number, today: string): Promise<HeldLesson[]>;
  /** The lessons that take place on `day` in every room, or in one (offline alerts, recorders' schedules). */
  onDay(day: string, roomId?: number): Promise<HeldLesson[]>;
}

export const NO_HELD_LESSONS: RoomHeldLessons = { ofRoom: async () => [], onDay: async () => [] };
