import { useState } from 'react';
import { App, Button, Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { confirmReceived, openReceived } from '../api/notices.api';

/** A notice delivered to a staff member (/notices/received/:id, an emergency notice): opening marks it read; 确认收到. */
export default function ReceivedNoticePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const id = Number(useParams().id);
  const notice = useApi((signal) => openReceived(id, signal), [id]);
  const [confirmedAt, setConfirmedAt] = useState<string | null>(null);
  const n = notice.data;
  const done = confirmedAt ?? n?.confirmedAt ?? null;

  return (
    <>
      {notice.error ? <ErrorAlert error={notice.error} onRetry={notice.reload} /> : null}
      {n ? (
        <Card title={<>{n.emergency ? <Tag color="red">{t('familyNotices.list.tags.emergency')}</Tag> : null}{n.title}</>} style={{ maxWidth: 760 }}>
          <Typography.Text type="secondary">{t('familyNotices.received.from', { name: n.senderName })} · {new Date(n.createdAt).toLocaleString()}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>{n.body}</Typography.Paragraph>
          {n.attachments.map((a) => <div key={a.id}><a href={`/api/family/notices/${n.id}/attachments/${a.id}`} download={a.name}>{a.name}</a></div>)}
          {n.mustConfirm ? (
            done ? <Typography.Text type="success">{t('familyNotices.received.confirmedAt', { at: new Date(done).toLocaleString() })}</Typography.Text>
              : <Button type="primary" onClick={() => confirmReceived(id).then((r) => setConfirmedAt(r.confirmedAt), (e: unknown) => message.error(errorText(e)))}>{t('familyNotices.received.confirm')}</Button>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
