import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, List, Popconfirm, Tag, Typography, Upload } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Track } from '@shared/api-types';
import { useMe } from '../../../app/auth';
import { discardPending, findPendingUploads, forgetPending, isSameFile, pendingOffset, type PendingUpload } from '../api/uploads.api';
import { TrackUploadStatus } from './TrackUploadStatus';
import { useTrackUpload } from './use-track-upload';
import { formatInstant } from '../../../app/time';

/**
 * Uploads this browser began and did not finish (the page was reloaded or closed, the link cut).
 * Choosing the same file again continues from the byte the server holds.
 */
export function PendingUploads() {
  const { t } = useTranslation();
  const owner = useMe().id;
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void findPendingUploads(owner).then(setPending);
  }, [owner, version]);

  if (pending.length === 0) return null;
  return (
    <Card variant="borderless" title={t('upload.pendingTitle')} data-testid="pending-uploads">
      <Alert type="info" showIcon title={t('upload.pendingHelp')} style={{ marginBottom: 12 }} />
      <List
        dataSource={pending}
        renderItem={(entry) => <PendingRow key={entry.urlStorageKey} entry={entry} onGone={() => setVersion((v) => v + 1)} />}
      />
    </Card>
  );
}

function PendingRow({ entry, onGone }: { entry: PendingUpload; onGone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const owner = useMe().id;
  const { state, start, pause, proceed } = useTrackUpload();
  const [held, setHeld] = useState<number | null | undefined>(undefined);
  const meta = entry.metadata;
  const size = entry.size ?? 0;

  useEffect(() => {
    pendingOffset(entry).then(setHeld, () => setHeld(undefined));
  }, [entry]);

  async function choose(file: File) {
    if (!(await isSameFile(file, owner, entry))) {
      void message.error(t('upload.notSameFile', { name: meta.filename ?? '' }));
      return;
    }
    await start(file, {}, entry);
  }

  return (
    <List.Item>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center">
          <Typography.Text strong>{meta.filename ?? t('upload.unnamed')}</Typography.Text>
          {meta.track ? <Tag>{t(`tracks.${meta.track as Track}`)}</Tag> : null}
          <Typography.Text type="secondary">
            {[meta.title, meta.lessonStart ? formatInstant(meta.lessonStart) : null].filter(Boolean).join(' · ')}
          </Typography.Text>
          {held === null ? <Tag color="red">{t('upload.expired')}</Tag> : null}
          {state.phase === 'idle' && held !== null && held !== undefined && size ? (
            <Tag color="blue">{t('upload.heldPercent', { percent: Math.floor((held / size) * 100) })}</Tag>
          ) : null}
        </Flex>
        {state.phase === 'idle' ? (
          <Flex gap={8} wrap>
            {held === null ? (
              <Button size="small" onClick={() => void forgetPending(entry).then(onGone)}>{t('upload.forget')}</Button>
            ) : (
              <>
                <Upload accept="video/*,.mp4,.ts,.mov,.mkv" showUploadList={false} beforeUpload={(file) => { void choose(file); return false; }}>
                  <Button size="small" type="primary" icon={<FolderOpenOutlined />} data-testid="resume-choose">{t('upload.chooseToResume')}</Button>
                </Upload>
                <Popconfirm title={t('upload.discardConfirm')} okButtonProps={{ danger: true }} onConfirm={() => void discardPending(entry).then(onGone)}>
                  <Button size="small" danger>{t('upload.discard')}</Button>
                </Popconfirm>
              </>
            )}
          </Flex>
        ) : (
          <TrackUploadStatus state={state} onPause={pause} onProceed={proceed} />
        )}
      </Flex>
    </List.Item>
  );
}
