import { useEffect } from 'react';
import { Button, Flex } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/use-api';
import { getRecording } from '../api/recordings.api';
import { RecordingState } from './RecordingState';

const POLL_MS = 3_000;

/** After the last byte: the recording's processing, followed until it is ready (or failed, with why). */
export function ProcessingStatus({ recordingId }: { recordingId: number }) {
  const { t } = useTranslation();
  const { data, reload } = useApi((signal) => getRecording(recordingId, signal), [recordingId]);
  const pending = !data || data.status === 'queued' || data.status === 'processing';

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [pending, reload]);

  if (!data) return null;
  return (
    <Flex align="center" gap={12} wrap data-testid="processing-status" data-status={data.status}>
      <RecordingState recording={data} />
      {data.status === 'ready' && data.hasVideo ? (
        <Link to={`/recordings/${recordingId}`}>
          <Button type="primary" size="small" icon={<PlayCircleOutlined />} data-testid="watch-recording">{t('upload.watch')}</Button>
        </Link>
      ) : null}
    </Flex>
  );
}
