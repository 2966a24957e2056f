import { Card, Space } from 'antd-mobile';
import { Link } from 'react-router';
import { kindergartenApi } from '../../../features/kindergarten/api/kindergarten.api';
import type { FamilyChildView } from '../../family-types';
import { clock, useLoad, useKgText } from './use-load';

/** Home card for a kindergarten child: today's arrival, pick-up (or a refused one) and 晨检. Nothing for a pupil of a school. */
export default function KindergartenTodayCard({ child }: { child: FamilyChildView }) {
  if (child.schoolKind !== 'kindergarten') return null;
  return <TodayCard child={child} />;
}

function TodayCard({ child }: { child: FamilyChildView }) {
  const t = useKgText();
  const { data, error } = useLoad((signal) => kindergartenApi.childDay(child.id, undefined, signal), [child.id]);
  const yes = (ok: boolean) => (ok ? t('kindergarten.ok') : t('kindergarten.notOk'));
  return (
    <Card title={`${t('kindergarten.today')} · ${child.label}`}>
      {error && <div role="alert">{error}</div>}
      {data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>{data.arrival ? t('kindergarten.arrived', { time: clock(data.arrival.arrivedAt), by: data.arrival.broughtBy }) : t('kindergarten.notArrived')}</div>
          <div>
            {data.pickup
              ? t('kindergarten.pickedUp', { time: clock(data.pickup.pickedAt), relation: data.pickup.personRelation, name: data.pickup.personName })
              : t('kindergarten.notPickedUp')}
          </div>
          {data.refusals.map((r) => (
            <div key={r.id} style={{ color: 'var(--adm-color-danger)' }}>
              {t('kindergarten.refused', { time: clock(r.at), name: r.personName, reason: t(`kindergarten.reason.${r.reason}`) })}
            </div>
          ))}
          <div>
            <strong>{t('kindergarten.check')}：</strong>
            {data.healthCheck
              ? `${t('kindergarten.checkLine', { temperature: data.healthCheck.temperature.toFixed(1), status: t(`kindergarten.status.${data.healthCheck.status}`) })} · ${t('kindergarten.handsMouthSkin', { hands: yes(data.healthCheck.handsOk), mouth: yes(data.healthCheck.mouthOk), skin: yes(data.healthCheck.skinOk) })}${data.healthCheck.note ? ` · ${data.healthCheck.note}` : ''}`
              : t('kindergarten.noCheck')}
          </div>
          {data.medications.map((m) => (
            <div key={m.id}>{m.name} {m.dose}：{m.doses.length}/{m.times.length}</div>
          ))}
          <Space wrap>
            <Link to={`/kindergarten/${child.id}/pickup`}>{t('kindergarten.people')}</Link>
            <Link to={`/kindergarten/${child.id}/medication`}>{t('kindergarten.medication')}</Link>
          </Space>
        </Space>
      )}
    </Card>
  );
}
