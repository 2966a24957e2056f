/**
 * The API shapes of lesson comments (评课), derived from the server's TypeBox schemas like
 * api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  CommentEditsSchema, CommentListSchema, CommentSchema, CreateCommentBody, ReplyBody, ThreadSchema,
} from '../server/src/modules/research/comments.schema.js';

export type LessonComment = Static<typeof CommentSchema>;
export type CommentThread = Static<typeof ThreadSchema>;
export type LessonComments = Static<typeof CommentListSchema>;
export type CommentEdits = Static<typeof CommentEditsSchema>;
export type NewLessonComment = Static<typeof CreateCommentBody>;
export type NewCommentReply = Static<typeof ReplyBody>;
export type RubricTag = LessonComments['rubricItems'][number];
