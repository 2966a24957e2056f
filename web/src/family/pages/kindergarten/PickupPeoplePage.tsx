import { Button, Dialog, Form, Image, Input, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { kindergartenApi, photoUrl } from '../../../features/kindergarten/api/kindergarten.api';
import { shanghaiToday, useLoad, useKgText } from './use-load';

type PersonForm = { name: string; relation: string; phone: string; idLast4?: string; birthDate?: string };
type OneOffForm = { day: string; name: string; relation: string; phone: string };

const fail = (e: unknown) => Toast.show({ icon: 'fail', content: e instanceof Error ? e.message : String(e) });

/** 接送人: a guardian's list of who may pick the child up (with photos), and one-off authorisations for one day. */
export default function PickupPeoplePage() {
  const t = useKgText();
  const navigate = useNavigate();
  const childId = Number(useParams().childId);
  const { data, error, reload } = useLoad((signal) => kindergartenApi.people(childId, signal), [childId]);
  const [photo, setPhoto] = useState<File | null>(null);
  const [oneOffPhoto, setOneOffPhoto] = useState<File | null>(null);
  const [personForm] = Form.useForm<PersonForm>();
  const [oneOffForm] = Form.useForm<OneOffForm>();

  async function addPerson(v: PersonForm) {
    try {
      const body = { name: v.name, relation: v.relation, phone: v.phone, ...(v.idLast4 ? { idLast4: v.idLast4 } : {}), ...(v.birthDate ? { birthDate: v.birthDate } : {}) };
      const person = await kindergartenApi.addPerson(childId, body);
      if (photo) await kindergartenApi.personPhoto(person.id, photo);
      Toast.show({ icon: 'success', content: t('kindergarten.saved') });
      personForm.resetFields();
      setPhoto(null);
      reload();
    } catch (e) { fail(e); }
  }

  async function addOneOff(v: OneOffForm) {
    try {
      const made = await kindergartenApi.addOneOff(childId, v);
      if (oneOffPhoto) await kindergartenApi.oneOffPhoto(made.id, oneOffPhoto);
      Toast.show({ icon: 'success', content: t('kindergarten.saved') });
      oneOffForm.resetFields();
      setOneOffPhoto(null);
      reload();
    } catch (e) { fail(e); }
  }

  return (
    <div>
      <NavBar onBack={() => navigate(-1)}>{data ? `${t('kindergarten.people')} · ${data.child.label}` : t('kindergarten.people')}</NavBar>
      {error && <div role="alert" style={{ padding: 12 }}>{error}</div>}
      <List header={t('kindergarten.peopleHint')}>
        {data?.persons.length === 0 && <List.Item>{t('kindergarten.empty')}</List.Item>}
        {data?.persons.map((p) => (
          <List.Item
            key={p.id}
            prefix={p.hasPhoto ? <Image src={photoUrl('pickup-persons', p.id)} width={48} height={48} fit="cover" style={{ borderRadius: 4 }} /> : <Tag>{t('kindergarten.noPhoto')}</Tag>}
            description={p.phone}
            extra={(
              <Button size="mini" color="danger" fill="outline" onClick={async () => {
                if (!(await Dialog.confirm({ content: t('kindergarten.removeConfirm', { name: p.name }) }))) return;
                try { await kindergartenApi.removePerson(p.id); reload(); } catch (e) { fail(e); }
              }}>{t('kindergarten.remove')}</Button>
            )}
          >
            {p.relation} {p.name}
          </List.Item>
        ))}
      </List>
      <Form form={personForm} layout="horizontal" onFinish={addPerson} footer={<Button block type="submit" color="primary">{t('kindergarten.addPerson')}</Button>}>
        <Form.Header>{t('kindergarten.addPerson')}</Form.Header>
        <Form.Item name="name" label={t('kindergarten.name')} rules={[{ required: true }]}><Input maxLength={30} /></Form.Item>
        <Form.Item name="relation" label={t('kindergarten.relation')} rules={[{ required: true }]}><Input maxLength={20} /></Form.Item>
        <Form.Item name="phone" label={t('kindergarten.phone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/ }]}><Input type="tel" maxLength={11} /></Form.Item>
        <Form.Item name="idLast4" label={t('kindergarten.idLast4')} help={t('kindergarten.idOrBirth')}><Input maxLength={4} /></Form.Item>
        <Form.Item name="birthDate" label={t('kindergarten.birthDate')}><Input type="date" /></Form.Item>
        <Form.Item label={t('kindergarten.photo')}>
          <input type="file" accept="image/jpeg,image/png" capture="environment" aria-label={t('kindergarten.choosePhoto')} onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
        </Form.Item>
      </Form>

      <List header={t('kindergarten.oneOffHint')}>
        {data?.oneOffs.map((o) => (
          <List.Item
            key={o.id}
            prefix={o.hasPhoto ? <Image src={photoUrl('one-offs', o.id)} width={48} height={48} fit="cover" /> : undefined}
            description={`${o.day} · ${o.phone}`}
            extra={o.state === 'waiting'
              ? <Button size="mini" fill="outline" onClick={async () => { try { await kindergartenApi.cancelOneOff(o.id); reload(); } catch (e) { fail(e); } }}>{t('kindergarten.cancel')}</Button>
              : <Tag>{t(`kindergarten.oneOffState.${o.state}`)}</Tag>}
          >
            {o.relation} {o.name}
          </List.Item>
        ))}
      </List>
      <Form form={oneOffForm} layout="horizontal" initialValues={{ day: shanghaiToday() }} onFinish={addOneOff}
        footer={<Button block type="submit" color="primary">{t('kindergarten.addOneOff')}</Button>}>
        <Form.Header>{t('kindergarten.oneOff')}</Form.Header>
        <Form.Item name="day" label={t('kindergarten.day')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        <Form.Item name="name" label={t('kindergarten.name')} rules={[{ required: true }]}><Input maxLength={30} /></Form.Item>
        <Form.Item name="relation" label={t('kindergarten.relation')} rules={[{ required: true }]}><Input maxLength={20} /></Form.Item>
        <Form.Item name="phone" label={t('kindergarten.phone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/ }]}><Input type="tel" maxLength={11} /></Form.Item>
        <Form.Item label={t('kindergarten.photo')}>
          <input type="file" accept="image/jpeg,image/png" capture="environment" aria-label={t('kindergarten.choosePhoto')} onChange={(e) => setOneOffPhoto(e.target.files?.[0] ?? null)} />
        </Form.Item>
      </Form>
    </div>
  );
}
