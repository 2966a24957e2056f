import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DayStatusInfo } from '@shared/calendar-api-types';
import { canAny, PAGE_ACCESS } from '../../../app/access';
import { useMe } from '../../../app/auth';

/** Whether an answer (a dashboard, a compliance list page) carries the day's status. */
function statusOf(answer: object | null | undefined): DayStatusInfo | null {
  return answer && 'dayStatus' in answer ? (answer as DayStatusInfo) : null;
}

/**
 * Says in words why a day (or range) has no figures — outside every term, a holiday, a weekend —
 * above a dashboard or list, with a way to the school calendar, so "—" and "0 / 0" never read as
 * a failure. Renders nothing on a school day or when the answer says nothing.
 */
export function DayStatusNotice({ answer: given, from, to }: {
  /** The server's answer: its `dayStatus` and `dayName` are read when it has them. */
  answer: object | null | undefined;
  from: string;
  to?: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const answer = statusOf(given);
  const status = answer?.dayStatus;
  if (!status || status === 'school-day') return null;
  const last = to ?? from;
  const text = status === 'no-term'
    ? (from === last ? t('calendar.status.noTermDay', { day: from }) : t('calendar.status.noTermRange', { from, to: last }))
    : status === 'holiday'
      ? (answer.dayName ? t('calendar.status.holiday', { day: from, name: answer.dayName }) : t('calendar.status.holidayUnnamed', { day: from }))
      : t('calendar.status.weekend', { day: from });
  return (
    <Alert
      type={status === 'no-term' ? 'warning' : 'info'}
      showIcon
      role="status"
      data-testid="day-status"
      data-status={status}
      style={{ marginBottom: 16 }}
      title={text}
      action={canAny(me, PAGE_ACCESS.calendar) ? <Link to="/calendar" data-testid="day-status-link">{t('calendar.status.link')}</Link> : undefined}
    />
  );
}
