import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RolloutDeadline } from '@shared/api-types';

/** Which schools a deadline holds: built or new programme schools, of every batch or of one. */
export function DeadlineScope({ deadline }: { deadline: Pick<RolloutDeadline, 'appliesTo' | 'batchCode'> }) {
  const { t } = useTranslation();
  return (
    <span>
      {t(`rollout.plan.applies.${deadline.appliesTo}`)}
      {deadline.batchCode ? t('rollout.plan.onlyBatch', { batch: deadline.batchCode }) : null}
    </span>
  );
}

/** What a deadline requires, one tag each. */
export function RequirementTags({ requires }: { requires: RolloutDeadline['requires'] }) {
  const { t } = useTranslation();
  return <>{requires.map((r) => <Tag key={r}>{t(`rollout.requirements.${r}`)}</Tag>)}</>;
}
