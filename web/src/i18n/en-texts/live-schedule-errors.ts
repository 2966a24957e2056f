/** English for the error codes of the live schedule and sessions (the server's Chinese sentence is the fallback). */
export const enLiveScheduleErrors: Record<string, string> = {
  LIVE_ROOM_BUSY: 'A chosen room already holds a live class at that time: pick another time or room',
  LIVE_TEACHER_NOT_AT_SCHOOL: 'The lead teacher must teach at the lead room\'s school',
  LIVE_RECEIVING_SAME_SCHOOL: 'A receiving room must belong to another school than the lead room',
  LIVE_RECEIVING_OTHER_COUNTY: 'Rooms of another county are arranged by the city bureau',
  LIVE_CLASS_RANGE: 'The last day is before the first day',
  LIVE_CLASS_PAST: 'The chosen days have passed: choose today or later',
  LIVE_CLASS_PAST_MIDNIGHT: 'The class would run past midnight: start earlier or shorten it',
  LIVE_CLASS_CANCELLED: 'This live class was cancelled and can no longer be changed',
  LIVE_CLASS_LEAD_SCHOOL_ONLY: 'Live classes are arranged by the lead school or its bureau; receiving schools read them',
  LIVE_LEAD_ONLY: 'Only the lead teacher or the lead school\'s principal can start and end the session',
  LIVE_SESSION_OVER: 'This session has ended',
  LIVE_SESSION_NOT_LIVE: 'This session is not live yet',
  LIVE_SESSION_TOO_EARLY: 'Too early to go live: at most 30 minutes before the start',
  LIVE_SESSION_MISSED: 'The session\'s time has passed; it can no longer start',
};
