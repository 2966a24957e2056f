import { useEffect, useRef, useState } from 'react';
import { Button, Flex, Input, Select, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useTranslation } from 'react-i18next';
import type { RubricTag } from '@shared/research-comments-types';
import { formatDuration } from '../../../recordings/components/RecordingState';

const BODY_MAX = 4000;

/**
 * The text of a comment (a new one at a time, a reply or an edit), with an optional rubric tag
 * where the activity has a rubric. Ctrl+Enter (⌘+Enter) sends; Escape cancels.
 */
export function CommentForm({ atMs, tags, initial = '', placeholder, submitText, onSubmit, onCancel, testId }: {
  /** Shown as the moment commented on; null for replies and edits. */
  atMs: number | null;
  /** Rubric items to tag with; empty: no tag offered. */
  tags: readonly RubricTag[];
  initial?: string;
  placeholder: string;
  submitText: string;
  onSubmit: (body: string, tag: string | null) => Promise<void>;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const [tag, setTag] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<TextAreaRef>(null);

  useEffect(() => {
    input.current?.focus({ cursor: 'end' });
  }, []);

  async function send() {
    if (!body.trim() || busy) return;
    setBusy(true);
    try {
      await onSubmit(body.trim(), tag);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={8} data-testid={testId}>
      {atMs !== null ? <Typography.Text strong data-testid="comment-form-time">{t('researchComments.at', { time: formatDuration(atMs / 1000) })}</Typography.Text> : null}
      <Input.TextArea
        ref={input}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        placeholder={placeholder}
        maxLength={BODY_MAX}
        autoSize={{ minRows: 2, maxRows: 8 }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void send();
          else if (event.key === 'Escape') onCancel();
        }}
        data-testid="comment-text"
      />
      <Flex gap={8} wrap justify="space-between">
        {tags.length ? (
          <Select
            allowClear
            value={tag}
            onChange={(value) => setTag(value ?? null)}
            placeholder={t('researchComments.tagPlaceholder')}
            aria-label={t('researchComments.tag')}
            style={{ minWidth: 200 }}
            options={tags.map((item) => ({ value: item.key, label: item.dimension ? `${item.dimension} · ${item.text}` : item.text }))}
            data-testid="comment-tag"
          />
        ) : <span />}
        <Flex gap={8}>
          <Button onClick={onCancel}>{t('researchComments.cancel')}</Button>
          <Button type="primary" loading={busy} disabled={!body.trim()} onClick={() => void send()} data-testid="comment-submit">{submitText}</Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
