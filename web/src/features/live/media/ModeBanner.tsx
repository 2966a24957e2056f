import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LiveMediaView } from '@shared/live';

/** Which mode the live class runs in, and for one way (单向直播) why, in words. */
export function ModeBanner({ media }: { media: Pick<LiveMediaView, 'mode' | 'reason'> }) {
  const { t } = useTranslation();
  if (media.mode === 'webrtc') return <Alert data-testid="live-mode" type="success" message={t('liveMedia.twoWay')} style={{ marginBottom: 12 }} />;
  return (
    <Alert
      data-testid="live-mode" type="warning" showIcon style={{ marginBottom: 12 }}
      message={t('liveMedia.oneWay')}
      description={<>{t('liveMedia.oneWayNote')} {media.reason ? t(`liveMedia.reasons.${media.reason}`) : null}</>}
    />
  );
}
