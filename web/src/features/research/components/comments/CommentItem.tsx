import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LessonComment, RubricTag } from '@shared/research-comments-types';
import { useErrorText } from '../../../../api/error-text';
import { formatInstant } from '../../../../app/time';
import { formatDuration } from '../../../recordings/components/RecordingState';
import { deleteComment, editComment, replyToComment } from '../../api/comments.api';
import { CommentForm } from './CommentForm';
import { EditHistory } from './EditHistory';

/**
 * One comment: its time (a click seeks the player there), its author with role and school, its
 * rubric tag, text or 已删除, and what the viewer may do with it (reply, edit, delete).
 */
export function CommentItem({ comment, tags, teacherUserId, mayReply, onSeek, onChanged, isReply }: {
  comment: LessonComment;
  tags: readonly RubricTag[];
  teacherUserId: number | null;
  /** Replies are taken here (reviews open, and the viewer may write). */
  mayReply: boolean;
  onSeek: (atMs: number) => void;
  onChanged: () => void;
  isReply: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [mode, setMode] = useState<'view' | 'reply' | 'edit'>('view');
  const tag = comment.rubricItemKey ? tags.find((item) => item.key === comment.rubricItemKey) : undefined;
  const time = formatDuration(comment.atMs / 1000);
  const author = comment.author;
  const role = [author.role ? t(`roles.${author.role}` as 'roles.teacher') : null, author.orgName].filter(Boolean).join(' · ');

  async function act<T>(work: () => Promise<T>, done: string) {
    try {
      await work();
      void message.success(done);
      setMode('view');
      onChanged();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  return (
    <Flex vertical gap={4} data-testid={isReply ? 'comment-reply' : 'comment'} data-comment-id={comment.id}>
      <Flex gap={8} align="baseline" wrap>
        {isReply ? null : (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto', fontVariantNumeric: 'tabular-nums' }}
            onClick={() => onSeek(comment.atMs)}
            title={t('researchComments.jumpTo', { time })}
            data-testid="comment-time"
            data-at-ms={comment.atMs}
          >
            {time}
          </Button>
        )}
        <Typography.Text strong>{author.name}</Typography.Text>
        {role ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{role}</Typography.Text> : null}
        {teacherUserId !== null && author.userId === teacherUserId ? <Tag color="green">{t('researchComments.teacher')}</Tag> : null}
        {tag ? <Tag color="orange">{tag.text}</Tag> : null}
        {comment.replyTo ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('researchComments.replyTo', { name: comment.replyTo.authorName })}</Typography.Text> : null}
      </Flex>
      {mode === 'edit' ? (
        <CommentForm
          atMs={null}
          tags={[]}
          initial={comment.body}
          placeholder={t('researchComments.placeholder')}
          submitText={t('researchComments.save')}
          onSubmit={(body) => act(() => editComment(comment.id, body), t('researchComments.saved'))}
          onCancel={() => setMode('view')}
          testId="comment-edit-form"
        />
      ) : comment.deleted ? (
        <Typography.Text type="secondary" italic data-testid="comment-deleted">{t('researchComments.deleted')}</Typography.Text>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="comment-body">{comment.body}</Typography.Paragraph>
      )}
      <Flex gap={12} align="center" wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(comment.createdAt)}</Typography.Text>
        {comment.edited && !comment.deleted ? <EditHistory commentId={comment.id} /> : null}
        {mayReply && !comment.deleted && mode === 'view' ? (
          <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setMode('reply')} data-testid="comment-reply-button">
            {t('researchComments.reply')}
          </Button>
        ) : null}
        {comment.canEdit && mode === 'view' ? (
          <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setMode('edit')} data-testid="comment-edit-button">
            {t('researchComments.edit')}
          </Button>
        ) : null}
        {comment.canDelete ? (
          <Popconfirm
            title={t('researchComments.deleteConfirm')}
            description={t('researchComments.deleteHelp')}
            okButtonProps={{ danger: true }}
            onConfirm={() => act(() => deleteComment(comment.id), t('researchComments.removed'))}
          >
            <Button type="link" danger size="small" style={{ padding: 0, height: 'auto' }} data-testid="comment-delete-button">{t('researchComments.delete')}</Button>
          </Popconfirm>
        ) : null}
      </Flex>
      {mode === 'reply' ? (
        <CommentForm
          atMs={null}
          tags={tags}
          placeholder={t('researchComments.replyPlaceholder', { name: author.name })}
          submitText={t('researchComments.reply')}
          onSubmit={(body, rubricItemKey) => act(() => replyToComment(comment.id, { body, rubricItemKey }), t('researchComments.replied'))}
          onCancel={() => setMode('view')}
          testId="comment-reply-form"
        />
      ) : null}
    </Flex>
  );
}
