import { Button, Form, Input, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import type { LeaveRequest } from '@shared/attendance-api-types';
import { askLeave, shanghaiToday } from './attendance-api';
import { useText } from './use-text';

/** 请假: dates, whole day or half, sick or personal, a note; the class teacher hears of it at once. */
export function LeaveForm({ studentId, onSent }: { studentId: number; onSent: () => void }) {
  const tx = useText();
  const today = shanghaiToday();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  async function submit(v: { from: string; to: string; part: [LeaveRequest['part']]; reason: [LeaveRequest['reason']]; note?: string }) {
    setBusy(true);
    try {
      await askLeave(studentId, { from: v.from, to: v.part[0] === 'whole' ? v.to : v.from, part: v.part[0], reason: v.reason[0], note: v.note || undefined });
      Toast.show({ icon: 'success', content: tx('submitted') });
      form.resetFields();
      onSent();
    } catch (err) {
      Toast.show({ icon: 'fail', content: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="horizontal" initialValues={{ from: today, to: today, part: ['whole'], reason: ['sick'] }} onFinish={submit}
      footer={<Button block type="submit" color="primary" loading={busy}>{tx('submit')}</Button>}>
      <Form.Header>{tx('askLeave')}</Form.Header>
      <Form.Item name="from" label={tx('from')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="to" label={tx('to')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      <Form.Item name="part" label={tx('part')}>
        <Selector options={(['whole', 'am', 'pm'] as const).map((p) => ({ value: p, label: tx(`parts.${p}`) }))} />
      </Form.Item>
      <Form.Item name="reason" label={tx('reason')}>
        <Selector options={(['sick', 'personal'] as const).map((r) => ({ value: r, label: tx(`reasons.${r}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={tx('note')}><TextArea placeholder={tx('notePlaceholder')} maxLength={200} rows={2} /></Form.Item>
    </Form>
  );
}
