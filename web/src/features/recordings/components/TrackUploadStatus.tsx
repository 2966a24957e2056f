import { Button, Flex, Progress, Typography } from 'antd';
import { PauseOutlined, CaretRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../api/error-text';
import { ProcessingStatus } from './ProcessingStatus';
import type { TrackUploadState } from './use-track-upload';

const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);

/** Progress bar, bytes sent, pause / continue, the reason of a failure, then processing. */
export function TrackUploadStatus({ state, onPause, onProceed }: { state: TrackUploadState; onPause: () => void; onProceed: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (state.phase === 'idle') return null;
  const percent = state.total ? Math.floor((state.sent / state.total) * 100) : 0;
  return (
    <Flex vertical gap={4} style={{ width: '100%' }} data-testid="upload-status" data-phase={state.phase}>
      <Flex align="center" gap={8}>
        <Progress
          percent={state.phase === 'done' ? 100 : percent}
          status={state.phase === 'error' ? 'exception' : state.phase === 'done' ? 'success' : state.phase === 'uploading' ? 'active' : 'normal'}
          style={{ flex: 1, margin: 0 }}
          data-testid="upload-progress"
        />
        {state.phase === 'uploading' ? (
          <Button size="small" icon={<PauseOutlined />} onClick={onPause}>{t('upload.pause')}</Button>
        ) : state.phase === 'paused' || state.phase === 'error' ? (
          <Button size="small" type="primary" icon={<CaretRightOutlined />} onClick={onProceed}>{t('upload.continue')}</Button>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('upload.bytes', { sent: mb(state.sent), total: mb(state.total) })}
        {state.resumed ? ` · ${t('upload.resumedNote')}` : ''}
        {state.phase === 'paused' ? ` · ${t('upload.paused')}` : ''}
      </Typography.Text>
      {state.phase === 'error' ? <Typography.Text type="danger">{errorText(state.error)}</Typography.Text> : null}
      {state.phase === 'done' ? (
        state.recordingId ? <ProcessingStatus recordingId={state.recordingId} /> : <Typography.Text type="success">{t('upload.doneNoId')}</Typography.Text>
      ) : null}
    </Flex>
  );
}
