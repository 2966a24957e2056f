/** English for the error codes of online teaching research (the server's Chinese sentence is the fallback). */
export const enResearchErrors: Record<string, string> = {
  RESEARCH_ANALYSIS_SUPERVISORS_ONLY: 'School and county research figures are for principals and research staff; teachers find their own figures under My research',
  RESEARCH_ANALYSIS_PERIOD: 'Give either a term (termId) or both a start and an end date (from, to), not both',
  RESEARCH_NOT_OPEN: 'The research activity is not open for review yet: wait until its organiser opens it, then comment, score or code',
  RESEARCH_SUMMARISED: 'The research activity has been summarised and archived; it takes no more comments, scores or codings',
  RESEARCH_REVIEW_CLOSED: 'Reviews for this activity closed at its deadline; ask the organiser to extend it',
  // Lesson comments (评课)
  COMMENT_TAG_NO_RUBRIC: 'No observation rubric applies here, so a comment cannot carry a rubric tag: remove the tag and post again',
  COMMENT_TAG_UNKNOWN: 'The observation rubric has no such item: choose the tag from the rubric\'s items',
  COMMENT_CAP_REACHED: 'This lesson has reached the most comments it can hold here; no more comments or replies can be posted',
  COMMENT_TIME_PAST_END: 'The comment\'s time is past the end of the lesson: pick the time again on the player',
  COMMENT_DELETED: 'This comment has been deleted; it can no longer be replied to or edited',
  COMMENT_NOT_AUTHOR: 'Only the comment\'s author can edit it',
  COMMENT_DELETE_NOT_ALLOWED: 'Only the comment\'s author or the activity\'s organiser can delete it',
  ST_CODES_INVALID: 'An S-T coding may hold only T (teacher), S (students), D (dialogue) and - (not coded): character {{position}} is “{{char}}”',
  ST_CODES_TOO_LONG: 'The coding has {{samples}} samples, more than the {{maxSamples}} this lesson holds at one every {{intervalSeconds}} s: remove the codes past its end',
  ST_INTERVAL_REQUIRED: 'Outside a research activity, choose the sampling interval first (10–120 s)',
  ST_INTERVAL_FIXED: 'This activity codes one sample every {{intervalSeconds}} s; another interval cannot be used',
  ST_CODING_NOT_YOURS: 'Only the observer who made an S-T coding may delete it',
  ST_COMPARE_LESSONS: 'Choose two or three different lessons of this activity to compare (tracks of one lesson count as one)',
  // Why a lesson has no S-T draft from audio (a draft's reasonCode; the draft view words them too).
  ST_AUDIO_MONO: 'The lesson\'s audio has one channel (or its channels carry the same sound): no automatic S-T draft, code it by hand',
  ST_AUDIO_NONE: 'The lesson has no audio to analyse (no sound track, or its original file was not kept): code it by hand',
  ST_AUDIO_SILENT: 'Hardly any speech can be heard in the lesson\'s audio (a microphone may have been off): code it by hand',
  ST_AUDIO_NOT_READY: 'A track of this lesson is still being processed; the S-T draft is made again once it is done',
  ST_AUDIO_FAILED: 'Analysing the lesson\'s audio failed several times: try again later, or ask the platform administrator',
};
