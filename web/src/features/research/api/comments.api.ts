import type {
  CommentEdits, LessonComment, LessonComments, NewCommentReply, NewLessonComment,
} from '@shared/research-comments-types';
import { api } from '../../../api/client';

/** A lesson's comments inside an activity (activityId) or outside any (null), as threads in time order. */
export function listLessonComments(recordingId: number, activityId: number | null, signal?: AbortSignal) {
  return api.get<LessonComments>(`/api/research/lessons/${recordingId}/comments`, { query: { activityId }, signal });
}

export function postLessonComment(recordingId: number, body: NewLessonComment) {
  return api.post<LessonComment>(`/api/research/lessons/${recordingId}/comments`, body);
}

export function replyToComment(commentId: number, body: NewCommentReply) {
  return api.post<LessonComment>(`/api/research/comments/${commentId}/replies`, body);
}

export function editComment(commentId: number, body: string) {
  return api.patch<LessonComment>(`/api/research/comments/${commentId}`, { body });
}

export function deleteComment(commentId: number) {
  return api.delete<void>(`/api/research/comments/${commentId}`);
}

export function commentEdits(commentId: number, signal?: AbortSignal) {
  return api.get<CommentEdits>(`/api/research/comments/${commentId}/edits`, { signal });
}
