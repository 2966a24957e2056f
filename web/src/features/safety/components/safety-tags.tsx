import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HazardLevel, HazardStatus } from '@shared/safety-checklists';

const STATUS_COLOURS: Record<HazardStatus, string> = { open: 'orange', rectifying: 'blue', rectified: 'cyan', verified: 'green', escalated: 'red' };
const LEVEL_COLOURS: Record<HazardLevel, string> = { general: 'default', major: 'orange', severe: 'red' };

export function HazardStatusTag({ status, overdue }: { status: HazardStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLOURS[status]}>{t(`safety.statuses.${status}`)}</Tag>
      {overdue && status !== 'escalated' ? <Tag color="red">{t('safety.hazard.overdue')}</Tag> : null}
    </>
  );
}

export function HazardLevelTag({ level }: { level: HazardLevel }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLOURS[level]}>{t(`safety.levels.${level}`)}</Tag>;
}
