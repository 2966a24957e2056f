import { Alert, Button, Card, Flex, Form, Image, Input, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassDayChild, PickupOutcome, PickupRequest } from '@shared/kindergarten-api-types';
import { useErrorText } from '../../../api/error-text';
import { kindergartenApi, photoUrl } from '../api/kindergarten.api';

/**
 * The pick-up desk for one child: the people the guardians authorised, with their photos, and
 * today's one-offs; the teacher confirms who came. Someone not on the list: typed in, refused by
 * the server, shown in large letters, logged and told to the guardians.
 */
export function PickupDesk({ child, onClose, onDone }: { child: ClassDayChild; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [outcome, setOutcome] = useState<PickupOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function pick(body: PickupRequest) {
    setBusy(true);
    setError(null);
    try {
      setOutcome(await kindergartenApi.pickUp(child.child.id, body));
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const waiting = child.oneOffs.filter((o) => o.state === 'waiting');
  return (
    <Modal open title={t('familyKindergarten.desk.title', { child: child.child.label })} onCancel={onClose} footer={null} width={720}>
      {outcome?.outcome === 'refused' ? (
        <Result status="error" title={<span style={{ fontSize: 32 }}>{t('familyKindergarten.desk.refused')}</span>} subTitle={outcome.message} />
      ) : outcome?.outcome === 'picked_up' ? (
        <Result status="success" title={outcome.message} />
      ) : (
        <Flex vertical gap={16}>
          {error ? <Alert type="error" showIcon message={error} /> : null}
          <Typography.Title level={5} style={{ margin: 0 }}>{t('familyKindergarten.desk.persons')}</Typography.Title>
          {child.persons.length === 0 ? <Typography.Text type="secondary">{t('familyKindergarten.desk.noPersons')}</Typography.Text> : null}
          <Flex wrap gap={12}>
            {[...child.persons.map((p) => ({ key: `p${p.id}`, name: p.name, relation: p.relation, phone: p.phone, photo: p.hasPhoto ? photoUrl('pickup-persons', p.id) : null, body: { personId: p.id }, oneOff: false })),
              ...waiting.map((o) => ({ key: `o${o.id}`, name: o.name, relation: o.relation, phone: o.phone, photo: o.hasPhoto ? photoUrl('one-offs', o.id) : null, body: { oneOffId: o.id }, oneOff: true }))]
              .map((p) => (
                <Card key={p.key} size="small" style={{ width: 200 }}
                  cover={p.photo ? <Image src={p.photo} height={160} style={{ objectFit: 'cover' }} alt={p.name} /> : undefined}>
                  <Card.Meta title={`${p.relation} ${p.name}`} description={`${p.phone}${p.oneOff ? ` · ${t('familyKindergarten.desk.oneOff')}` : ''}`} />
                  <Button type="primary" block style={{ marginTop: 8 }} loading={busy} onClick={() => pick(p.body)}>{t('familyKindergarten.desk.confirm')}</Button>
                </Card>
              ))}
          </Flex>
          <Typography.Title level={5} style={{ margin: 0 }}>{t('familyKindergarten.desk.someoneElse')}</Typography.Title>
          <Form layout="inline" onFinish={(v: { name: string; phone: string }) => pick({ name: v.name, phone: v.phone })}>
            <Form.Item name="name" rules={[{ required: true }]}><Input placeholder={t('familyKindergarten.desk.name')} maxLength={30} /></Form.Item>
            <Form.Item name="phone" rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('familyKindergarten.desk.phoneRule') }]}>
              <Input placeholder={t('familyKindergarten.desk.phone')} maxLength={11} />
            </Form.Item>
            <Button htmlType="submit" danger loading={busy}>{t('familyKindergarten.desk.check')}</Button>
          </Form>
        </Flex>
      )}
    </Modal>
  );
}
