/** English for the error codes of online teaching research (the server's Chinese sentence is the fallback). */
export const enResearchErrors: Record<string, string> = {
  RESEARCH_ANALYSIS_SUPERVISORS_ONLY: 'School and county research figures are for principals and research staff; teachers find their own figures under My research',
  RESEARCH_ANALYSIS_PERIOD: 'Give either a term (termId) or both a start and an end date (from, to), not both',
  RESEARCH_NOT_OPEN: 'The research activity is not open for review yet: wait until its organiser opens it, then comment, score or code',
  RESEARCH_SUMMARISED: 'The research activity has been summarised and archived; it takes no more comments, scores or codings',
  RESEARCH_REVIEW_CLOSED: 'Reviews for this activity closed at its deadline; ask the organiser to extend it',
};
