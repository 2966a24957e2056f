import { Badge, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/api-types';
import { formatShortDate } from '../../../app/time';

/** 正常 / 已停用 / 锁定至 …: whether the person can sign in now. */
export function PersonStatus({ person }: { person: Pick<Person, 'disabled' | 'lockedUntil'> }) {
  const { t } = useTranslation();
  if (person.disabled) return <Tag color="red">{t('people.disabled')}</Tag>;
  if (person.lockedUntil && dayjs(person.lockedUntil).isAfter(dayjs())) {
    return <Tag color="orange">{t('people.lockedUntil', { time: formatShortDate(person.lockedUntil, true) })}</Tag>;
  }
  return <Badge status="success" text={t('people.active')} />;
}
