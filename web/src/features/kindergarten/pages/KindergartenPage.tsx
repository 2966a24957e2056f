import { Alert, Button, Flex, Input, Popover, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassDayChild } from '@shared/kindergarten-api-types';
import { useApi } from '../../../api/use-api';
import { useErrorText } from '../../../api/error-text';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { kindergartenApi } from '../api/kindergarten.api';
import { HealthCheckForm } from '../components/HealthCheckForm';
import { PickupDesk } from '../components/PickupDesk';
import { LiveKgPanel } from '../components/LiveKgPanel';

const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * 幼儿园一日 (/kindergarten): the class's day for its staff — arrivals, 晨检, the pick-up desk
 * (authorised people with photos; anyone else refused and logged) and today's medication doses.
 */
export default function KindergartenPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const classes = useApi((signal) => kindergartenApi.classes(signal), []);
  const [classId, setClassId] = useState<number | null>(null);
  useEffect(() => {
    if (classId === null && classes.data?.items[0]) setClassId(classes.data.items[0].id);
  }, [classes.data, classId]);
  const day = useApi(async (signal) => (classId === null ? undefined : kindergartenApi.classDay(classId, undefined, signal)), [classId]);
  const [desk, setDesk] = useState<ClassDayChild | null>(null);
  const [check, setCheck] = useState<ClassDayChild | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(run: () => Promise<unknown>) {
    setError(null);
    try {
      await run();
      day.reload();
    } catch (e) {
      setError(errorText(e));
    }
  }

  const yes = (ok: boolean) => (ok ? '✓' : '✗');
  return (
    <>
      <PageHeader
        title={t('familyKindergarten.title')}
        note={t('familyKindergarten.note')}
        extra={(
          <Select style={{ minWidth: 220 }} value={classId ?? undefined} onChange={setClassId} placeholder={t('familyKindergarten.chooseClass')}
            options={classes.data?.items.map((c) => ({ value: c.id, label: `${c.schoolName} ${c.name}` }))} />
        )}
      />
      <Flex vertical gap={12}>
        {classes.error ? <ErrorAlert error={classes.error} onRetry={classes.reload} /> : null}
        {classes.data && classes.data.items.length === 0 ? <Typography.Text type="secondary">{t('familyKindergarten.noClass')}</Typography.Text> : null}
        {day.error ? <ErrorAlert error={day.error} onRetry={day.reload} /> : null}
        {error ? <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} /> : null}
        {day.data ? (
          <Table<ClassDayChild>
            rowKey={(r) => r.child.id}
            size="small"
            pagination={false}
            dataSource={day.data.children}
            columns={[
              { title: t('familyKindergarten.col.child'), render: (_, r) => r.child.name },
              {
                title: t('familyKindergarten.col.arrival'),
                render: (_, r) => (r.arrival ? `${time(r.arrival.arrivedAt)} ${r.arrival.broughtBy}` : <ArrivalButton onSave={(by) => act(() => kindergartenApi.arrive(r.child.id, by))} />),
              },
              {
                title: t('familyKindergarten.col.check'),
                render: (_, r) => (
                  <Space>
                    {r.healthCheck ? (
                      <Tag color={r.healthCheck.status === 'normal' ? 'green' : r.healthCheck.status === 'attention' ? 'orange' : 'red'}>
                        {r.healthCheck.temperature.toFixed(1)}°C {t(`familyKindergarten.status.${r.healthCheck.status}`)} {t('familyKindergarten.check.short', { hands: yes(r.healthCheck.handsOk), mouth: yes(r.healthCheck.mouthOk), skin: yes(r.healthCheck.skinOk) })}
                      </Tag>
                    ) : null}
                    <Button size="small" onClick={() => setCheck(r)}>{r.healthCheck ? t('familyKindergarten.correct') : t('familyKindergarten.check.do')}</Button>
                  </Space>
                ),
              },
              {
                title: t('familyKindergarten.col.medication'),
                render: (_, r) => r.medications.map((m) => (
                  <div key={m.id}>
                    {m.name} {m.dose}（{m.times.join('、')}）{m.doses.length}/{m.times.length}{' '}
                    {m.doses.length < m.times.length
                      ? <Button size="small" onClick={() => act(() => kindergartenApi.giveDose(m.id))}>{t('familyKindergarten.giveDose')}</Button>
                      : <Tag color="green">{t('familyKindergarten.dosesDone')}</Tag>}
                  </div>
                )),
              },
              {
                title: t('familyKindergarten.col.pickup'),
                render: (_, r) => (
                  <Space direction="vertical" size={2}>
                    {r.pickup
                      ? <span>{time(r.pickup.pickedAt)} {r.pickup.personRelation} {r.pickup.personName}</span>
                      : <Button type="primary" size="small" onClick={() => setDesk(r)}>{t('familyKindergarten.pickUp')}</Button>}
                    {r.refusals.map((x) => <Tag key={x.id} color="red">{time(x.at)} {t('familyKindergarten.refusedTag', { name: x.personName })}</Tag>)}
                  </Space>
                ),
              },
            ]}
          />
        ) : null}
        <LiveKgPanel />
      </Flex>
      {desk ? <PickupDesk child={desk} onClose={() => setDesk(null)} onDone={day.reload} /> : null}
      {check ? <HealthCheckForm child={check} onClose={() => setCheck(null)} onDone={day.reload} /> : null}
    </>
  );
}

/** 入园: who brought the child, then record. */
function ArrivalButton({ onSave }: { onSave: (broughtBy: string) => void }) {
  const { t } = useTranslation();
  const [by, setBy] = useState('');
  return (
    <Popover trigger="click" content={(
      <Space.Compact>
        <Input placeholder={t('familyKindergarten.broughtBy')} value={by} maxLength={40} onChange={(e) => setBy(e.target.value)} />
        <Button type="primary" disabled={!by.trim()} onClick={() => onSave(by.trim())}>{t('familyKindergarten.save')}</Button>
      </Space.Compact>
    )}>
      <Button size="small">{t('familyKindergarten.arrive')}</Button>
    </Popover>
  );
}
