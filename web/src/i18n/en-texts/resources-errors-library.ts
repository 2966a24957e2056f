/** English for the error codes of publishing to the resource library (the server's Chinese sentence is the fallback). */
export const enResourcesErrorsLibrary: Record<string, string> = {
  RESOURCE_CONSENT_CAP: 'A pupil of this class is on video only with consent up to a narrower scope than requested: choose a narrower scope, or ask the guardians to update their consent',
  RESOURCE_CLASS_REQUIRED: 'Choose the class on video: its guardians\' consent decides how widely the lesson may be published',
  RESOURCE_CLASS_OUTSIDE: 'The chosen class is not of the lesson\'s school: choose the class on video again',
  RESOURCE_LESSON_REQUIRED: 'Publishing a lesson needs a recorded lesson (recordingId)',
  RESOURCE_LESSON_OTHER_SCHOOL: 'Only your school\'s lessons can be published; another school\'s teachers publish theirs',
  RESOURCE_LESSON_NOT_READY: 'The lesson is not processed yet (or failed): publish it once it is ready',
  RESOURCE_LESSON_PUBLISHED: 'This lesson is already in the library (or in review): edit that resource instead',
  RESOURCE_COURSEWARE_NO_VIDEO: 'Courseware takes no recording or class: choose “Lesson” to publish a recorded lesson',
  RESOURCE_NO_SCHOOL: 'Your role belongs to no school, so you cannot publish resources',
  RESOURCE_NOT_PUBLISHER: 'Only the publisher may edit or withdraw this resource',
  RESOURCE_NOT_EDITABLE: 'The resource is published and can no longer be edited: withdraw it first, then edit and resubmit',
  RESOURCE_WITHDRAWN: 'This resource is already withdrawn',
};
