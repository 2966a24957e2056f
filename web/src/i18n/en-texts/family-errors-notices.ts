/** English for the error codes of family notices (the server's Chinese sentence is the fallback). */
export const enFamilyErrorsNotices: Record<string, string> = {
  NOTICE_AUDIENCE_KIND: 'You may not send to this kind of audience: teachers send to the classes they teach',
  NOTICE_AUDIENCE_EMPTY: 'The chosen audience has no classes, so nobody would receive the notice: choose another',
  NOTICE_EMERGENCY_NOT_ALLOWED: 'Only county and city bureaus send emergency notices: ask the principal to mark a school\'s notice urgent',
  NOTICE_URGENT_NOT_ALLOWED: 'Teachers cannot mark a notice urgent (urgent notices are pushed during quiet hours, 21:30–07:00): ask the principal',
  NOTICE_STAFF_NOT_ALLOWED: 'A teacher\'s notice goes to parents only: ask the principal to notify all staff',
  NOTICE_NOT_CONFIRMABLE: 'This notice does not ask for a confirmation',
  NOTICE_REMIND_QUIET: 'No reminders during quiet hours (21:30–07:00): remind after 07:00',
  NOTICE_REMIND_TOO_SOON: 'A notice can be reminded once every 30 minutes: try again later',
  NOTICE_ATTACHMENT_TYPE: 'This file type is not taken: attach pdf, docx, xlsx, png or jpg files',
  NOTICE_ATTACHMENT_EMPTY: 'The file is empty: check it and upload again',
  NOTICE_ATTACHMENT_TOO_LARGE: 'The attachment is larger than 10 MB: compress or split it',
  NOTICE_ATTACHMENT_CONTENT: 'The file\'s content does not match its extension: upload the original file',
  NOTICE_ATTACHMENT_MISSING: 'No file was received: choose a file to attach',
  NOTICE_ATTACHMENTS_UNAVAILABLE: 'The server has no file storage configured: attachments are unavailable, contact the platform administrator',
};
