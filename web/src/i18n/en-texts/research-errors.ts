/** English for the error codes of online teaching research (the server's Chinese sentence is the fallback). */
export const enResearchErrors: Record<string, string> = {
  RESEARCH_NOT_OPEN: 'The research activity is not open for review yet: wait until its organiser opens it, then comment, score or code',
  RESEARCH_SUMMARISED: 'The research activity has been summarised and archived; it takes no more comments, scores or codings',
  RESEARCH_REVIEW_CLOSED: 'Reviews for this activity closed at its deadline; ask the organiser to extend it',
  // Class patrol (巡课).
  PATROL_UNAVAILABLE: 'Class patrol is not available: this server runs without recorded lessons (no storage configured). Ask the system administrator',
  PATROL_NOT_TODAY: 'Patrols are for today\'s lessons: this lesson was recorded on another day. Past patrols are in the patrol statistics',
  PATROL_LESSON_NOT_READY: 'This lesson cannot be watched yet (still processing, or without video): patrol a lesson marked ready to watch',
  PATROL_RANGE_INVALID: 'Give both a start and an end date (from, to), the start not after the end, or choose a term',
};
