import { Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { FormModal } from '../../../app/components/FormModal';

/** A step of the workflow (submit, return, approve) with its comment box; `required` for a return. */
export function CommentModal({ title, okText, label, hint, required, requiredMessage, onClose, onSubmit }: {
  title: ReactNode; okText: ReactNode; label: string; hint?: ReactNode; required?: boolean; requiredMessage?: string;
  onClose: () => void; onSubmit: (comment: string) => Promise<void>;
}) {
  return (
    <FormModal<{ comment?: string }> title={title} okText={okText} onClose={onClose} onSubmit={async ({ comment }) => onSubmit(comment?.trim() ?? '')}>
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      <Form.Item
        name="comment"
        label={label}
        rules={required ? [{ required: true, whitespace: true, message: requiredMessage }] : []}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="comment-input" />
      </Form.Item>
    </FormModal>
  );
}
