/** English for the error codes of online teaching research (the server's Chinese sentence is the fallback). */
export const enResearchErrors: Record<string, string> = {
  RESEARCH_NOT_OPEN: 'The research activity is not open for review yet: wait until its organiser opens it, then comment, score or code',
  RESEARCH_SUMMARISED: 'The research activity has been summarised and archived; it takes no more comments, scores or codings',
  RESEARCH_REVIEW_CLOSED: 'Reviews for this activity closed at its deadline; ask the organiser to extend it',
  ST_CODES_INVALID: 'An S-T coding may hold only T (teacher), S (students), D (dialogue) and - (not coded): character {{position}} is “{{char}}”',
  ST_CODES_TOO_LONG: 'The coding has {{samples}} samples, more than the {{maxSamples}} this lesson holds at one every {{intervalSeconds}} s: remove the codes past its end',
  ST_INTERVAL_REQUIRED: 'Outside a research activity, choose the sampling interval first (10–120 s)',
  ST_INTERVAL_FIXED: 'This activity codes one sample every {{intervalSeconds}} s; another interval cannot be used',
  ST_CODING_NOT_YOURS: 'Only the observer who made an S-T coding may delete it',
  ST_COMPARE_LESSONS: 'Choose two or three different lessons of this activity to compare (tracks of one lesson count as one)',
};
