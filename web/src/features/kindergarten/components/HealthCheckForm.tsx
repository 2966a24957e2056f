import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassDayChild, HealthCheckInput } from '@shared/kindergarten-api-types';
import { useErrorText } from '../../../api/error-text';
import { kindergartenApi } from '../api/kindergarten.api';

/** 晨检 of one child: temperature, hands / mouth / skin (手口足), status and a note; a second save corrects today's. */
export function HealthCheckForm({ child, onClose, onDone }: { child: ClassDayChild; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<HealthCheckInput>();
  const [error, setError] = useState<string | null>(null);
  const before = child.healthCheck;

  async function save() {
    const v = await form.validateFields();
    try {
      await kindergartenApi.healthCheck(child.child.id, { ...v, note: v.note ?? '' });
      onDone();
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <Modal open title={t('familyKindergarten.check.title', { child: child.child.label })} onCancel={onClose} onOk={save} okText={t('familyKindergarten.save')}>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={before
        ? { temperature: before.temperature, mouthOk: before.mouthOk, handsOk: before.handsOk, skinOk: before.skinOk, status: before.status, note: before.note }
        : { temperature: 36.5, mouthOk: true, handsOk: true, skinOk: true, status: 'normal', note: '' }}>
        <Form.Item name="temperature" label={t('familyKindergarten.check.temperature')} rules={[{ required: true }]}>
          <InputNumber min={34} max={43} step={0.1} precision={1} addonAfter="°C" />
        </Form.Item>
        <Form.Item name="handsOk" valuePropName="checked"><Checkbox>{t('familyKindergarten.check.hands')}</Checkbox></Form.Item>
        <Form.Item name="mouthOk" valuePropName="checked"><Checkbox>{t('familyKindergarten.check.mouth')}</Checkbox></Form.Item>
        <Form.Item name="skinOk" valuePropName="checked"><Checkbox>{t('familyKindergarten.check.skin')}</Checkbox></Form.Item>
        <Form.Item name="status" label={t('familyKindergarten.check.status')}>
          <Radio.Group optionType="button" options={(['normal', 'attention', 'sent_home'] as const).map((s) => ({ value: s, label: t(`familyKindergarten.status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('familyKindergarten.check.note')}><Input.TextArea maxLength={200} rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
