import { useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Segmented, Select, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { NoticeAttachmentView, NoticeAudienceKind, NoticeAudienceOptions, SentNotice } from '@shared/family-notices-api-types';
import { useErrorText } from '../../../api/error-text';
import { sendNotice, uploadAttachment } from '../api/notices.api';

interface Values { title: string; body: string; ids: number[]; mustConfirm?: boolean; urgent?: boolean; emergency?: boolean; includeStaff?: boolean }

/** The compose form: the audience picker offers only what the sender reaches (the server checks again). */
export function ComposeNotice({ options, onSent }: { options: NoticeAudienceOptions; onSent: (sent: SentNotice) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<NoticeAudienceKind>(options.kinds[0] ?? 'classes');
  const [files, setFiles] = useState<NoticeAttachmentView[]>([]);
  const [busy, setBusy] = useState(false);
  const emergency = Form.useWatch('emergency', form);

  const choices = {
    classes: options.classes.map((c) => ({ value: c.id, label: options.schools.length > 1 || options.grades.length ? c.name : `${c.schoolName} ${c.name}` })),
    grades: options.grades.map((g) => ({ value: g.id, label: `${g.schoolName} ${g.name}` })),
    schools: options.schools.map((s) => ({ value: s.id, label: s.name })),
    counties: options.counties.map((c) => ({ value: c.id, label: c.name })),
  }[kind];

  async function submit(v: Values) {
    setBusy(true);
    try {
      const sent = await sendNotice({
        title: v.title, body: v.body, mustConfirm: !!v.mustConfirm, urgent: !!v.urgent, emergency: !!v.emergency, includeStaff: !!v.includeStaff,
        audience: { kind, ids: v.ids }, attachmentIds: files.map((f) => f.id),
      });
      message.success(t('familyNotices.form.sent', { families: sent.families, staff: sent.staff ? t('familyNotices.form.sentStaff', { count: sent.staff }) : '' }));
      if (sent.held) message.info(t('familyNotices.form.held', { at: new Date(sent.pushDueAt).toLocaleString() }));
      form.resetFields();
      setFiles([]);
      onSent(sent);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 720 }}>
      <Alert type="info" showIcon title={t('familyNotices.form.quietNote')} style={{ marginBottom: 16 }} />
      <Form.Item label={t('familyNotices.form.audienceKind')} required>
        <Flex vertical gap={8}>
          {options.kinds.length > 1 ? (
            <Segmented value={kind} options={options.kinds.map((k) => ({ value: k, label: t(`familyNotices.kinds.${k}`) }))}
              onChange={(k) => { setKind(k as NoticeAudienceKind); form.setFieldValue('ids', []); }} />
          ) : null}
          <Form.Item name="ids" noStyle rules={[{ required: true, message: t('familyNotices.form.audienceRequired') }]}>
            <Select mode="multiple" options={choices} placeholder={t('familyNotices.form.audience')} optionFilterProp="label" />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Form.Item name="title" label={t('familyNotices.form.title')} rules={[{ required: true, whitespace: true, message: t('familyNotices.form.titleRequired') }]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="body" label={t('familyNotices.form.body')} rules={[{ required: true, message: t('familyNotices.form.bodyRequired') }]}>
        <Input.TextArea rows={6} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="mustConfirm" valuePropName="checked"><Checkbox>{t('familyNotices.form.mustConfirm')}</Checkbox></Form.Item>
      {options.mayUrgent ? <Form.Item name="urgent" valuePropName="checked"><Checkbox disabled={!!emergency}>{t('familyNotices.form.urgent')}</Checkbox></Form.Item> : null}
      {options.mayUrgent ? <Form.Item name="includeStaff" valuePropName="checked"><Checkbox disabled={!!emergency}>{t('familyNotices.form.includeStaff')}</Checkbox></Form.Item> : null}
      {options.mayEmergency ? <Form.Item name="emergency" valuePropName="checked"><Checkbox>{t('familyNotices.form.emergency')}</Checkbox></Form.Item> : null}
      <Form.Item label={t('familyNotices.form.attachments')}>
        <Upload
          fileList={files.map((f) => ({ uid: String(f.id), name: f.name, status: 'done' as const }))}
          onRemove={(f) => setFiles((list) => list.filter((x) => String(x.id) !== f.uid))}
          customRequest={({ file, onSuccess, onError }) => {
            uploadAttachment(file as File).then((a) => { setFiles((list) => [...list, a]); onSuccess?.(a); }, (e: Error) => { message.error(errorText(e)); onError?.(e); });
          }}
          showUploadList
        >
          <Button icon={<UploadOutlined />}>{t('familyNotices.form.upload')}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} danger={!!emergency}>{t('familyNotices.form.send')}</Button>
    </Form>
  );
}
