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
  // Class patrol (巡课).
  PATROL_UNAVAILABLE: 'Class patrol is not available: this server runs without recorded lessons (no storage configured). Ask the system administrator',
  PATROL_NOT_TODAY: 'Patrols are for today\'s lessons: this lesson was recorded on another day. Past patrols are in the patrol statistics',
  PATROL_LESSON_NOT_READY: 'This lesson cannot be watched yet (still processing, or without video): patrol a lesson marked ready to watch',
  PATROL_RANGE_INVALID: 'Give both a start and an end date (from, to), the start not after the end, or choose a term',
};
