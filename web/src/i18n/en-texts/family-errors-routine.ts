/** English for the error codes of homework and class timetables (the server's Chinese sentence is the fallback). */
export const enFamilyErrorsRoutine: Record<string, string> = {
  HOMEWORK_DUE_BEFORE_ASSIGNED: 'The due date is before the day the homework is given: choose that day or a later one',
  TIMETABLE_SLOT_TWICE: 'A weekday\'s period appears twice in the timetable: keep one lesson per period',
  TIMETABLE_TIME_ORDER: 'A lesson does not end after it starts: check its times',
};
