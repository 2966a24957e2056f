import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Recording, RecordingStatus } from '@shared/api-types';
import { textOr } from '../../../api/error-text';

const STATUS_COLORS: Record<RecordingStatus, string> = { queued: 'default', processing: 'processing', ready: 'success', failed: 'error' };

/** Queued, a progress bar while processing, ready, or failed with the reason the uploader must read. */
export function RecordingState({ recording, wide = false }: {
  recording: Pick<Recording, 'status' | 'progress' | 'failureCode' | 'failureMessage' | 'hasVideo'>;
  wide?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { status } = recording;
  // Ready but without video (history kept as a record): never shown as 可观看.
  if (status === 'ready' && !recording.hasVideo) {
    return (
      <Flex vertical gap={2} data-status="record_only">
        <Tooltip title={t('recordOnly.tooltip')}>
          <Tag style={{ width: 'fit-content' }}>{t('recordOnly.tag')}</Tag>
        </Tooltip>
      </Flex>
    );
  }
  const failure = recording.failureCode
    ? textOr(t, i18n, `errors.${recording.failureCode}`, recording.failureMessage ?? '')
    : recording.failureMessage;
  if (status === 'processing') {
    return (
      <Flex vertical style={{ width: wide ? '100%' : 140 }} data-testid="recording-progress">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('recordingStatuses.processing')}</Typography.Text>
        <Progress percent={recording.progress} size="small" status="active" />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={2} data-status={status}>
      <Tag color={STATUS_COLORS[status]} style={{ width: 'fit-content' }}>{t(`recordingStatuses.${status}`)}</Tag>
      {status === 'failed' && failure ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>{failure}</Typography.Text>
      ) : null}
    </Flex>
  );
}

/** Whether the lesson counts toward the school's daily quota, and why not. */
export function CountsCell({ recording, inline = false }: {
  recording: Pick<Recording, 'status' | 'counts' | 'countsReason' | 'countsReasonCode' | 'countsReasonValues'>;
  inline?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (recording.status !== 'ready') return <Typography.Text type="secondary">—</Typography.Text>;
  if (recording.counts) {
    return (
      <Typography.Text type="success">
        <CheckCircleFilled /> {t('recordings.counts')}
      </Typography.Text>
    );
  }
  const reason = recording.countsReasonCode
    ? textOr(t, i18n, `countsReasons.${recording.countsReasonCode}`, recording.countsReason ?? '', recording.countsReasonValues ?? {})
    : (recording.countsReason ?? '');
  return (
    <Flex vertical={!inline} gap={inline ? 8 : 0} wrap>
      <Typography.Text type="warning">
        <MinusCircleOutlined /> {t('recordings.notCounts')}
      </Typography.Text>
      {inline ? (
        <Typography.Text type="secondary">{reason}</Typography.Text>
      ) : (
        // The whole reason, wrapped: cut off, "时长 12 分钟，少于…" hides the part that says why.
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal', overflowWrap: 'anywhere' }} data-testid="counts-reason">{reason}</Typography.Text>
      )}
    </Flex>
  );
}

/** 40:12 or 1:02:05. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
