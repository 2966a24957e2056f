import { useEffect, useState } from 'react';
import { Button, Flex, Select, Typography, Upload } from 'antd';
import { DeleteOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Track } from '@shared/api-types';
import type { UploadMetadataText } from '../api/uploads.api';
import { TrackUploadStatus } from './TrackUploadStatus';
import { useTrackUpload, type UploadPhase } from './use-track-upload';

/** What the page asks of a row: its file and track, and to start with the lesson's metadata. */
export interface TrackRowHandle {
  ready: () => { track: Track; file: File } | null;
  phase: () => UploadPhase;
  start: (lesson: UploadMetadataText) => Promise<void>;
}

/** One camera track of the lesson: which track, which file, and its upload. */
export function TrackFileRow({
  tracks,
  track,
  onTrack,
  onRemove,
  register,
  rowKey,
  testId,
}: {
  tracks: { value: Track; label: string; disabled?: boolean }[];
  track: Track | undefined;
  onTrack: (track: Track) => void;
  onRemove?: () => void;
  /** Tells the page how to start this row (null when the row goes away). */
  register: (key: number, handle: TrackRowHandle | null) => void;
  rowKey: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const { state, start, pause, proceed } = useTrackUpload();

  useEffect(() => {
    register(rowKey, {
      ready: () => (file && track ? { file, track } : null),
      phase: () => state.phase,
      start: (lesson) => start(file!, { ...lesson, track, filename: file!.name }),
    });
    return () => register(rowKey, null);
  }, [file, track, state.phase, start, register, rowKey]);

  const locked = state.phase !== 'idle';
  return (
    <Flex vertical gap={8} className="track-file-row" data-testid={testId}>
      <Flex wrap gap={8} align="center">
        <Select<Track>
          value={track}
          onChange={onTrack}
          options={tracks}
          disabled={locked}
          placeholder={t('upload.track')}
          aria-label={t('upload.track')}
          style={{ width: 150 }}
          data-testid="upload-track"
        />
        <Upload
          accept="video/*,.mp4,.ts,.mov,.mkv"
          showUploadList={false}
          disabled={locked}
          beforeUpload={(chosen) => {
            setFile(chosen);
            return false;
          }}
        >
          <Button icon={<FolderOpenOutlined />} disabled={locked}>{file ? t('upload.otherFile') : t('upload.chooseFile')}</Button>
        </Upload>
        {file ? (
          <Typography.Text ellipsis style={{ maxWidth: 280 }}>
            {file.name} · {(file.size / 1024 ** 2).toFixed(1)} MB
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('upload.noFile')}</Typography.Text>
        )}
        {onRemove && !locked ? <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('upload.removeTrack')} onClick={onRemove} /> : null}
      </Flex>
      <TrackUploadStatus state={state} onPause={pause} onProceed={proceed} />
    </Flex>
  );
}
