import { useState } from 'react';
import { Button, Flex, Popover, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommentEdits } from '@shared/research-comments-types';
import { useErrorText } from '../../../../api/error-text';
import { formatInstant } from '../../../../app/time';
import { commentEdits } from '../../api/comments.api';

/** 「已修改」: opens the comment's earlier wordings, read when first opened. */
export function EditHistory({ commentId }: { commentId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [edits, setEdits] = useState<CommentEdits | null>(null);
  const [error, setError] = useState<unknown>(null);

  function load(open: boolean) {
    if (!open) return;
    setError(null);
    commentEdits(commentId).then(setEdits, setError);
  }

  const content = error ? <Typography.Text type="danger">{errorText(error)}</Typography.Text>
    : !edits ? <Spin size="small" />
      : (
        <Flex vertical gap={8} style={{ maxWidth: 360 }} data-testid="comment-history">
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('researchComments.historyNow', { time: formatInstant(edits.current.updatedAt) })}</Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{edits.current.body}</div>
          </div>
          {edits.items.map((item) => (
            <div key={item.editedAt + item.body}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('researchComments.historyBefore', { time: formatInstant(item.editedAt), name: item.editedByName })}
              </Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap', textDecoration: 'line-through', opacity: 0.7 }}>{item.body}</div>
            </div>
          ))}
        </Flex>
      );
  return (
    <Popover trigger="click" title={t('researchComments.history')} content={content} onOpenChange={load}>
      <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} data-testid="comment-edited">{t('researchComments.edited')}</Button>
    </Popover>
  );
}
