/** English for the error codes of online teaching research (the server's Chinese sentence is the fallback). */
export const enResearchErrors: Record<string, string> = {
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
};
