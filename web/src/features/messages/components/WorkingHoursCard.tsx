import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Flex, Input, Typography, message as toast } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkingRange } from '@shared/messages-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { myHours, saveHours } from '../api/messages.api';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
type Day = { on: boolean; start: string; end: string };

/** A teacher's working hours, one range a weekday: parents see them, and outside them a note that messages wait. */
export function WorkingHoursCard() {
  const { t } = useTranslation();
  const hours = useApi((signal) => myHours(signal), []);
  const [days, setDays] = useState<Record<number, Day>>({});
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    if (!hours.data) return;
    const next: Record<number, Day> = {};
    for (const d of DAYS) {
      const r = hours.data.ranges.find((x) => x.weekday === d);
      next[d] = r ? { on: true, start: r.start, end: r.end } : { on: false, start: '08:00', end: '17:30' };
    }
    setDays(next);
  }, [hours.data]);

  async function save() {
    setError(undefined);
    const ranges: WorkingRange[] = DAYS.filter((d) => days[d]?.on).map((d) => ({ weekday: d, start: days[d]!.start, end: days[d]!.end }));
    try {
      await saveHours(ranges);
      void toast.success(t('messages.hoursSaved'));
      hours.reload();
    } catch (e) {
      setError(e);
    }
  }

  const set = (d: number, patch: Partial<Day>) => setDays((prev) => ({ ...prev, [d]: { ...prev[d]!, ...patch } }));
  return (
    <Card title={t('messages.hoursTitle')} variant="borderless">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('messages.hoursNote')}</Typography.Text>
        {hours.error || error ? <ErrorAlert error={hours.error ?? error} /> : null}
        {DAYS.map((d) => days[d] ? (
          <Flex key={d} gap={8} align="center">
            <Checkbox checked={days[d].on} onChange={(e) => set(d, { on: e.target.checked })} style={{ width: 80 }}>{t(`messages.weekday.d${d}` as const)}</Checkbox>
            <Input style={{ width: 90 }} value={days[d].start} disabled={!days[d].on} onChange={(e) => set(d, { start: e.target.value })} aria-label={t('messages.start')} />
            <span>–</span>
            <Input style={{ width: 90 }} value={days[d].end} disabled={!days[d].on} onChange={(e) => set(d, { end: e.target.value })} aria-label={t('messages.end')} />
          </Flex>
        ) : null)}
        <Button type="primary" onClick={() => void save()} style={{ alignSelf: 'flex-start' }}>{t('messages.saveHours')}</Button>
      </Flex>
    </Card>
  );
}
