import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks for the reason a rejection or a removal needs; the parent reads it. */
export function ReasonModal({ title, note, onCancel, onOk }: { title: string; note: string; onCancel: () => void; onOk: (reason: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={title}
      okText={t('familyClasses.confirmOk')}
      okButtonProps={{ disabled: !reason.trim(), loading: busy, danger: true }}
      onCancel={onCancel}
      onOk={async () => { setBusy(true); try { await onOk(reason.trim()); } finally { setBusy(false); } }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>
      <Input.TextArea value={reason} maxLength={200} showCount rows={3} onChange={(e) => setReason(e.target.value)} placeholder={t('familyClasses.reasonPlaceholder')} data-testid="binding-reason" />
    </Modal>
  );
}
