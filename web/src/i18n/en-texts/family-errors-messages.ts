/** English for the error codes of teacher–parent messages (the server's Chinese sentence is the fallback). */
export const enFamilyErrorsMessages: Record<string, string> = {
  MESSAGE_EMPTY: 'The message is empty: type some text before sending',
  OWN_MESSAGE: 'You cannot report a message you sent yourself',
  REASON_EMPTY: 'Please give a reason',
  REPORT_HANDLED: 'This report has already been handled',
  HOURS_EMPTY_RANGE: 'A working-hours range must end after it starts',
  HOURS_OVERLAP: 'Two working-hours ranges on the same day overlap: merge or adjust them',
};
