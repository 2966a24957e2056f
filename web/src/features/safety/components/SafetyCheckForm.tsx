import { App, Button, Card, Checkbox, Flex, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewSafetyCheck, SchoolAreas } from '@shared/safety-api-types';
import { HAZARD_LEVELS, type HazardLevel, SAFETY_CHECKLISTS, type SafetyArea } from '@shared/safety-checklists';
import { useErrorText } from '../../../api/error-text';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { platformTime } from '../../../app/time';
import { recordSafetyCheck } from '../api/safety.api';

type Answer = { ok: boolean; note: string; level?: HazardLevel; responsibleUserId?: number; deadline?: Dayjs | null };

/**
 * 记录巡查: the school's checklist area by area, each item 正常 / 有问题; a problem needs a note and
 * may name its level, responsible person and deadline (else 一般, the checker, a week). One
 * column, full-width controls: a principal fills it in on a phone while walking the school.
 */
export function SafetyCheckForm({ areas, onSaved }: { areas: SchoolAreas; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [date, setDate] = useState<Dayjs>(platformTime().startOf('day'));
  const [checked, setChecked] = useState<SafetyArea[]>(areas.enabled.slice(0, 2));
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const lists = SAFETY_CHECKLISTS.filter((c) => areas.enabled.includes(c.area));
  const answer = (area: string, key: string): Answer => answers[`${area}.${key}`] ?? { ok: true, note: '' };
  const set = (area: string, key: string, patch: Partial<Answer>) =>
    setAnswers((a) => ({ ...a, [`${area}.${key}`]: { ...answer(area, key), ...patch } }));

  async function submit() {
    const body: NewSafetyCheck = {
      schoolId: areas.schoolId, date: date.format('YYYY-MM-DD'), note: note.trim() || undefined,
      areas: lists.filter((c) => checked.includes(c.area)).map((c) => ({
        area: c.area,
        items: c.items.map((i) => {
          const a = answer(c.area, i.key);
          if (a.ok) return { key: i.key, ok: true };
          return {
            key: i.key, ok: false, note: a.note,
            hazard: { level: a.level, responsibleUserId: a.responsibleUserId, deadline: a.deadline ? a.deadline.format('YYYY-MM-DD') : undefined },
          };
        }),
      })),
    };
    setSaving(true);
    try {
      const saved = await recordSafetyCheck(body);
      void message.success(saved.hazardIds.length ? t('safety.check.savedWithHazards', { count: saved.hazardIds.length }) : t('safety.check.saved'));
      setAnswers({});
      setNote('');
      onSaved();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('safety.check.newTitle')} size="small">
      <Flex vertical gap={12}>
        <label>
          <Typography.Text strong>{t('safety.check.date')}</Typography.Text>
          <PlatformDatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} style={{ width: '100%' }} />
        </label>
        <div>
          <Typography.Text strong>{t('safety.check.areasToCheck')}</Typography.Text>
          <Checkbox.Group value={checked} onChange={(v) => setChecked(v as SafetyArea[])} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            options={lists.map((c) => ({ value: c.area, label: t(`safety.areas.${c.area}`) }))} />
        </div>
        {lists.filter((c) => checked.includes(c.area)).map((c) => (
          <Card key={c.area} type="inner" size="small" title={t(`safety.areas.${c.area}`)}>
            <Flex vertical gap={12}>
              {c.items.map((i) => {
                const a = answer(c.area, i.key);
                return (
                  <Flex key={i.key} vertical gap={6}>
                    <Typography.Text>{i.label}</Typography.Text>
                    <Radio.Group value={a.ok ? 'ok' : 'problem'} optionType="button" buttonStyle="solid" style={{ display: 'flex' }}
                      onChange={(e) => set(c.area, i.key, { ok: e.target.value === 'ok' })}
                      options={[
                        { value: 'ok', label: t('safety.check.ok'), style: { flex: 1, textAlign: 'center' } },
                        { value: 'problem', label: t('safety.check.problem'), style: { flex: 1, textAlign: 'center' } },
                      ]} />
                    {a.ok ? null : (
                      <Flex vertical gap={6}>
                        <Input.TextArea rows={2} maxLength={500} placeholder={t('safety.check.problemNote')} value={a.note}
                          onChange={(e) => set(c.area, i.key, { note: e.target.value })} />
                        <Select value={a.level ?? 'general'} onChange={(level) => set(c.area, i.key, { level })} aria-label={t('safety.check.level')}
                          options={HAZARD_LEVELS.map((l) => ({ value: l, label: `${t('safety.check.level')}：${t(`safety.levels.${l}`)}` }))} />
                        <Select allowClear value={a.responsibleUserId} onChange={(responsibleUserId) => set(c.area, i.key, { responsibleUserId })}
                          placeholder={`${t('safety.check.responsible')}（${t('safety.check.responsibleDefault')}）`} showSearch optionFilterProp="label"
                          options={areas.staff.map((s) => ({ value: s.userId, label: s.name }))} />
                        <PlatformDatePicker value={a.deadline ?? null} onChange={(deadline) => set(c.area, i.key, { deadline })} style={{ width: '100%' }}
                          placeholder={`${t('safety.check.deadline')}（${t('safety.check.deadlineDefault')}）`} />
                      </Flex>
                    )}
                  </Flex>
                );
              })}
            </Flex>
          </Card>
        ))}
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('safety.check.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        <Button type="primary" block size="large" loading={saving} disabled={!checked.length} onClick={() => void submit()}>
          {t('safety.check.submit')}
        </Button>
      </Flex>
    </Card>
  );
}
