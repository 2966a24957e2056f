import { App, Button, Card, Descriptions, Flex, Image, Input, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { HazardDetail } from '@shared/safety-api-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { getHazard, hazardPhotoUrl, rectifyHazard, startHazard, uploadHazardPhoto, verifyHazard } from '../api/safety.api';
import { HazardLevelTag, HazardStatusTag } from '../components/safety-tags';

/** One hazard (/safety/hazards/:id): what was found, its photos, and the next step the caller may take. */
export default function HazardPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const hazard = useApi((signal) => getHazard(id, signal), [id]);
  return (
    <>
      <PageHeader title={hazard.data?.title ?? t('safety.tabs.hazards')} extra={<Link to="/safety?tab=hazards">{t('safety.hazard.back')}</Link>} />
      {hazard.error ? <ErrorAlert error={hazard.error} onRetry={hazard.reload} /> : null}
      {hazard.data ? <HazardView h={hazard.data} reload={hazard.reload} /> : null}
    </>
  );
}

function HazardView({ h, reload }: { h: HazardDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const stage = h.status === 'open' || h.status === 'escalated' ? 'report' : 'rectification';

  async function act(run: () => Promise<unknown>, done = t('safety.hazard.saved')) {
    setBusy(true);
    try {
      await run();
      void message.success(done);
      reload();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const photos = (s: 'report' | 'rectification') => h.photos.filter((p) => p.stage === s);
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('safety.school')}>{h.schoolName}</Descriptions.Item>
          <Descriptions.Item label={t('safety.hazard.area')}>{t(`safety.areas.${h.area}`)}</Descriptions.Item>
          <Descriptions.Item label={t('safety.hazard.level')}><HazardLevelTag level={h.level} /></Descriptions.Item>
          <Descriptions.Item label={t('safety.hazard.status')}><HazardStatusTag status={h.status} overdue={h.overdue} /></Descriptions.Item>
          <Descriptions.Item label={t('safety.hazard.responsible')}>{h.responsibleName}</Descriptions.Item>
          <Descriptions.Item label={t('safety.hazard.deadline')}>{h.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('safety.hazard.reportedBy')}>{h.reportedByName}{h.checkId ? `（${t('safety.hazard.fromSafetyCheck')}）` : ''}</Descriptions.Item>
          {h.escalatedAt ? <Descriptions.Item label={t('safety.hazard.escalatedAt')}>{h.escalatedAt.slice(0, 16).replace('T', ' ')}</Descriptions.Item> : null}
          <Descriptions.Item label={t('safety.hazard.description')} span={2}>{h.description}</Descriptions.Item>
          {h.rectificationNote ? <Descriptions.Item label={t('safety.hazard.rectificationNote')} span={2}>{h.rectificationNote}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card size="small" title={t('safety.hazard.photos')}
        extra={h.can.addPhoto ? <Button loading={busy} onClick={() => fileInput.current?.click()}>{t('safety.hazard.addPhoto')}</Button> : null}>
        <input ref={fileInput} type="file" accept="image/jpeg,image/png" capture="environment" hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void act(() => uploadHazardPhoto(h.id, stage, file), t('safety.hazard.photoSaved'));
          }} />
        {(['report', 'rectification'] as const).map((s) => (
          <div key={s} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t(s === 'report' ? 'safety.hazard.photosReport' : 'safety.hazard.photosRectification')}</Typography.Text>
            <div>
              {photos(s).length ? (
                <Image.PreviewGroup>
                  <Space wrap>{photos(s).map((p) => <Image key={p.id} width={96} height={96} style={{ objectFit: 'cover' }} src={hazardPhotoUrl(h.id, p.id)} />)}</Space>
                </Image.PreviewGroup>
              ) : <Typography.Text type="secondary">{t('safety.hazard.noPhotos')}</Typography.Text>}
            </div>
          </div>
        ))}
      </Card>
      {h.can.start || h.can.rectify || h.can.verify ? (
        <Card size="small">
          <Flex vertical gap={8}>
            {h.can.start ? <Button block loading={busy} onClick={() => void act(() => startHazard(h.id))}>{t('safety.hazard.start')}</Button> : null}
            {h.can.rectify ? (
              <>
                <Input.TextArea rows={3} maxLength={1000} placeholder={t('safety.hazard.rectifyNote')} value={note} onChange={(e) => setNote(e.target.value)} />
                <Button type="primary" block loading={busy} disabled={!note.trim()} onClick={() => void act(() => rectifyHazard(h.id, note.trim()))}>
                  {t('safety.hazard.rectify')}
                </Button>
              </>
            ) : null}
            {h.can.verify ? (
              <Flex gap={8}>
                <Button type="primary" style={{ flex: 1 }} loading={busy} onClick={() => void act(() => verifyHazard(h.id, true))}>{t('safety.hazard.verify')}</Button>
                <Button danger style={{ flex: 1 }} loading={busy} onClick={() => void act(() => verifyHazard(h.id, false))}>{t('safety.hazard.reject')}</Button>
              </Flex>
            ) : null}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}
