/** English for the error codes of using a resource (the server's Chinese sentence is the fallback). */
export const enResourcesErrorsUse: Record<string, string> = {
  RESOURCE_NOT_PUBLISHED: 'This resource is not published yet (still in review, or withdrawn): it can be favourited, rated, commented on or noted for lesson preparation once published',
  RESOURCE_USE_ACTIVITY_VIEW: 'Only “used in my lesson preparation” can name a research activity; a view cannot carry activityId',
  RESOURCE_COMMENT_DELETE_NOT_ALLOWED: 'Only the comment\'s author or the principal of the resource\'s school can delete this comment',
};
