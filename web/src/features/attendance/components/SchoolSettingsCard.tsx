import { App, Button, Card, Flex, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { createGate, gates, revokeGate, saveSettings, settings } from '../api/attendance.api';

/** The principal's: lateness and absence-alert times, and the gates with their tokens (shown once). */
export function SchoolSettingsCard({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const s = useApi((signal) => settings(schoolId, signal), [schoolId]);
  const g = useApi((signal) => gates(schoolId, signal), [schoolId]);
  const [token, setToken] = useState<string | null>(null);
  const fail = (err: unknown) => message.error(err instanceof Error ? err.message : String(err));

  return (
    <Card title={t('attendance.settingsTitle')}>
      {s.error ? <ErrorAlert error={s.error} onRetry={s.reload} /> : null}
      {s.data ? (
        <Form layout="inline" initialValues={{ lateAfter: s.data.lateAfter, alertAt: s.data.alertAt }}
          onFinish={(v: { lateAfter: string; alertAt: string }) => saveSettings(schoolId, v).then(() => { message.success(t('attendance.settingsSaved')); s.reload(); }, fail)}>
          <Form.Item name="lateAfter" label={t('attendance.lateAfter')} rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' }]}><Input style={{ width: 90 }} /></Form.Item>
          <Form.Item name="alertAt" label={t('attendance.alertAt')} rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' }]}><Input style={{ width: 90 }} /></Form.Item>
          <Button htmlType="submit" type="primary">{t('attendance.save')}</Button>
        </Form>
      ) : null}
      <Flex vertical gap={8} style={{ marginTop: 16 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('attendance.gates')}</Typography.Title>
        <Typography.Text type="secondary">{t('attendance.gatesHint')}</Typography.Text>
        {token ? <Typography.Paragraph copyable={{ text: token }} code>{token}</Typography.Paragraph> : null}
        <List size="small" dataSource={g.data?.items ?? []} renderItem={(gate) => (
          <List.Item actions={gate.revokedAt ? [] : [<Button key="r" size="small" danger onClick={() => revokeGate(schoolId, gate.id).then(g.reload, fail)}>{t('attendance.revoke')}</Button>]}>
            {gate.name} · …{gate.tokenHint} {gate.revokedAt ? `（${t('attendance.revoked')}）` : ''}
          </List.Item>
        )} />
        <Button onClick={() => createGate(schoolId, t('attendance.defaultGateName')).then((r) => { setToken(r.token); g.reload(); }, fail)}>{t('attendance.addGate')}</Button>
      </Flex>
    </Card>
  );
}
