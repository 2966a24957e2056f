import { useState } from 'react';
import { App, Button, Flex, InputNumber, Modal, Typography } from 'antd';
import { FieldTimeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RecordingTrack } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { setStartOffset } from '../api/recordings.api';

const LIMIT_S = 600;

/**
 * 机位同步: for those who manage the school's lessons, where each camera's recording starts on the
 * lesson's clock, in seconds (a camera switched on 2 s late: 2). The player keeps the tracks in
 * step by it; `onSaved` lets the page load the lesson again with the new offsets.
 */
export function TrackOffsets({ tracks, onSaved }: { tracks: readonly RecordingTrack[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [values, setValues] = useState<Record<number, number>>({});

  function show() {
    setValues(Object.fromEntries(tracks.map((item) => [item.id, item.startOffsetMs / 1000])));
    setOpen(true);
  }

  async function save() {
    setSaving(true);
    try {
      for (const item of tracks) {
        const ms = Math.round((values[item.id] ?? 0) * 1000);
        if (ms !== item.startOffsetMs) await setStartOffset(item.id, ms);
      }
      void message.success(t('multiTrack.offsetsSaved'));
      setOpen(false);
      onSaved();
    } catch (reason) {
      void message.error(errorText(reason));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Button icon={<FieldTimeOutlined />} onClick={show} data-testid="track-offsets">{t('multiTrack.offsets')}</Button>
      <Modal open={open} title={t('multiTrack.offsets')} onCancel={() => setOpen(false)} onOk={() => void save()} confirmLoading={saving} okText={t('common.save')}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('multiTrack.offsetsHelp')}</Typography.Text>
          {tracks.map((item) => (
            <Flex key={item.id} align="center" gap={12}>
              <span style={{ width: 96 }}>{t(`tracks.${item.track}`)}</span>
              <InputNumber
                value={values[item.id]}
                min={-LIMIT_S}
                max={LIMIT_S}
                step={0.1}
                precision={1}
                suffix={t('multiTrack.seconds')}
                onChange={(value) => setValues((all) => ({ ...all, [item.id]: value ?? 0 }))}
                aria-label={t(`tracks.${item.track}`)}
                data-testid={`offset-${item.track}`}
              />
            </Flex>
          ))}
        </Flex>
      </Modal>
    </>
  );
}
