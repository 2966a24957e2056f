import { Button, Form, Input, List, NavBar, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { kindergartenApi } from '../../../features/kindergarten/api/kindergarten.api';
import { clock, shanghaiToday, useLoad, useKgText } from './use-load';

type MedForm = { name: string; dose: string; times: string; fromDay: string; toDay: string; note?: string };

const fail = (e: unknown) => Toast.show({ icon: 'fail', content: e instanceof Error ? e.message : String(e) });

/** 委托服药: a guardian entrusts medicine to the class and reads every dose the teacher gave. */
export default function MedicationPage() {
  const t = useKgText();
  const navigate = useNavigate();
  const childId = Number(useParams().childId);
  const { data, error, reload } = useLoad((signal) => kindergartenApi.medications(childId, signal), [childId]);
  const [photo, setPhoto] = useState<File | null>(null);
  const [form] = Form.useForm<MedForm>();

  async function entrust(v: MedForm) {
    try {
      const times = v.times.split(/[,，\s]+/).filter(Boolean);
      const made = await kindergartenApi.entrust(childId, { name: v.name, dose: v.dose, times, fromDay: v.fromDay, toDay: v.toDay, ...(v.note ? { note: v.note } : {}) });
      if (photo) await kindergartenApi.medicationPhoto(made.id, photo);
      Toast.show({ icon: 'success', content: t('kindergarten.saved') });
      form.resetFields();
      setPhoto(null);
      reload();
    } catch (e) { fail(e); }
  }

  return (
    <div>
      <NavBar onBack={() => navigate(-1)}>{data ? `${t('kindergarten.medication')} · ${data.child.label}` : t('kindergarten.medication')}</NavBar>
      {error && <div role="alert" style={{ padding: 12 }}>{error}</div>}
      {data?.items.map((m) => (
        <List key={m.id} header={`${m.name} · ${m.dose} · ${m.times.join('、')} · ${m.fromDay} ~ ${m.toDay}`}>
          {m.cancelled && <List.Item><Tag color="default">{t('kindergarten.cancelled')}</Tag></List.Item>}
          {m.doses.length === 0 && <List.Item>{t('kindergarten.noDoses')}</List.Item>}
          {m.doses.map((d) => <List.Item key={d.id} description={d.note || undefined}>{d.day} {t('kindergarten.doseLine', { time: clock(d.givenAt), by: d.byName })}</List.Item>)}
          {!m.cancelled && (
            <List.Item>
              <Button size="mini" fill="outline" onClick={async () => { try { await kindergartenApi.cancelMedication(m.id); reload(); } catch (e) { fail(e); } }}>
                {t('kindergarten.cancelMedication')}
              </Button>
            </List.Item>
          )}
        </List>
      ))}
      <Form form={form} layout="horizontal" initialValues={{ fromDay: shanghaiToday(), toDay: shanghaiToday() }} onFinish={entrust}
        footer={<Button block type="submit" color="primary">{t('kindergarten.addMedication')}</Button>}>
        <Form.Header>{t('kindergarten.medicationHint')}</Form.Header>
        <Form.Item name="name" label={t('kindergarten.medicine')} rules={[{ required: true }]}><Input maxLength={40} /></Form.Item>
        <Form.Item name="dose" label={t('kindergarten.dose')} rules={[{ required: true }]}><Input maxLength={40} /></Form.Item>
        <Form.Item name="times" label={t('kindergarten.times')} rules={[{ required: true }]}><Input placeholder="11:30,15:00" /></Form.Item>
        <Form.Item name="fromDay" label={t('kindergarten.fromDay')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        <Form.Item name="toDay" label={t('kindergarten.toDay')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        <Form.Item name="note" label={t('kindergarten.note')}><TextArea maxLength={200} rows={2} /></Form.Item>
        <Form.Item label={t('kindergarten.packagePhoto')}>
          <input type="file" accept="image/jpeg,image/png" capture="environment" aria-label={t('kindergarten.packagePhoto')} onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
        </Form.Item>
      </Form>
    </div>
  );
}
