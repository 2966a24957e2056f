import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HomeworkCheck, NewHomework } from '@shared/routine-api-types';
import { HOMEWORK_KINDS, type HomeworkKind } from '@shared/homework-limits';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { checkHomework, postHomework } from '../api/homework.api';

interface FormValues { subject: string; content: string; kind: HomeworkKind; minutes: number; assignedOn: Dayjs; dueOn: Dayjs }

/** 布置作业: the form checks the class's day as it is filled in and shows the limit's warning before posting. */
export function PostHomeworkCard({ classId, onPosted }: { classId: number; onPosted: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const values = Form.useWatch([], form);
  const [check, setCheck] = useState<HomeworkCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const toBody = (v: Partial<FormValues>): NewHomework | null => {
    if (!v.subject || !v.content || !v.kind || !v.minutes || !v.dueOn) return null;
    return {
      classId, subject: v.subject, content: v.content, kind: v.kind, minutes: v.minutes,
      assignedOn: (v.assignedOn ?? dayjs()).format('YYYY-MM-DD'), dueOn: v.dueOn.format('YYYY-MM-DD'),
    };
  };

  useEffect(() => {
    const body = toBody(values ?? {});
    if (!body) { setCheck(null); return; }
    const ctl = new AbortController();
    checkHomework(body, ctl.signal).then(setCheck, () => setCheck(null));
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [classId, JSON.stringify(values)]);

  async function submit(v: FormValues) {
    const body = toBody(v);
    if (!body) return;
    setSaving(true);
    setError(null);
    try {
      const posted = await postHomework(body);
      if (posted.warning) void message.warning(posted.message ?? t(`homework.warning.${posted.warning}`));
      else void message.success(t('homework.post.done'));
      form.resetFields(['content', 'minutes']);
      onPosted();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('homework.post.title')}>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'written', assignedOn: dayjs(), dueOn: dayjs().add(1, 'day') }}>
        <Form.Item name="subject" label={t('homework.field.subject')} rules={[{ required: true, max: 20 }]}><Input maxLength={20} /></Form.Item>
        <Form.Item name="content" label={t('homework.field.content')} rules={[{ required: true, max: 1000 }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        <Form.Item name="kind" label={t('homework.field.kind')} rules={[{ required: true }]}>
          <Select options={HOMEWORK_KINDS.map((k) => ({ value: k, label: t(`homework.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="minutes" label={t('homework.field.minutes')} rules={[{ required: true }]}><InputNumber min={1} max={240} /></Form.Item>
        <Form.Item name="assignedOn" label={t('homework.field.assignedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="dueOn" label={t('homework.field.dueOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        {check ? (
          <Alert style={{ marginBottom: 16 }} type={check.warning ? 'warning' : 'info'} showIcon
            message={check.message ?? t('homework.check.ok', {
              minutes: check.dayWrittenMinutes,
              limit: check.writtenLimit === null ? t('homework.limit.none') : t('homework.limit.max', { limit: check.writtenLimit }),
            })} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={saving}>{check?.warning ? t('homework.post.anyway') : t('homework.post.submit')}</Button>
      </Form>
    </Card>
  );
}
