/** English for the error codes of resource review and featuring (the server's Chinese sentence is the fallback). */
export const enResourcesErrorsReview: Record<string, string> = {
  REVIEW_NOT_REVIEWER: 'Only the principal of the resource\'s school, its county\'s research institute (or county bureau admin) and its city\'s research office (or city bureau admin) review this resource',
  REVIEW_NOT_YOUR_LEVEL: 'This resource waits for another review level than yours; it reaches you when the level before you approves it',
  REVIEW_NOT_WAITING: 'This resource is not in review (published, returned or withdrawn), so it cannot be approved or returned',
  REVIEW_COMMENT_REQUIRED: 'Write a comment when returning a resource: tell the publisher what to change',
  REVIEW_FEATURE_REQUIRED: 'Choose how to feature it: quality lesson or premium lesson',
  REVIEW_FEATURE_NOT_DONE: 'Only a published resource can be featured, or one your approval publishes in the same step; this one is still in review',
  REVIEW_FEATURE_LEVEL: 'The county features quality lessons, the city quality or premium lessons; schools do not feature, and the county cannot give a premium lesson',
  REVIEW_FEATURE_SCOPE: 'The resource is visible too narrowly for that: a quality lesson must be visible county-wide, a premium lesson city-wide',
  REVIEW_FEATURE_PREMIUM_CITY: 'This is a premium lesson chosen by the city; only the city\'s reviewers can change or remove it',
  REVIEW_CHANGED: 'Someone has just reviewed or changed this resource: reload and try again',
  REVIEW_HISTORY_NOT_ALLOWED: 'The review history is open to the publisher and to the reviewers of the resource\'s school only',
  RESOURCE_SUBMIT_NOT_PUBLISHER: 'Only the resource\'s publisher can submit it for review',
  RESOURCE_ALREADY_PUBLISHED: 'This resource is already published and need not be submitted; to widen its scope, edit it and submit again',
};
