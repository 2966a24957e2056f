import { Flex, Tag, Tooltip } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RolloutSchool } from '@shared/api-types';

type MilestoneView = RolloutSchool['milestones'][number];
type DueView = RolloutSchool['overdue'][number];

/** One milestone's state as of the page's day: done, overdue, planned or not yet planned. */
export function milestoneState(m: MilestoneView, overdue: readonly DueView[]): 'done' | 'overdue' | 'planned' | 'none' {
  if (m.done) return 'done';
  if (overdue.some((o) => o.requirement === m.milestone)) return 'overdue';
  return m.plannedOn ? 'planned' : 'none';
}

const LOOK = {
  done: { color: 'success', icon: <CheckCircleFilled /> },
  overdue: { color: 'error', icon: <ExclamationCircleFilled /> },
  planned: { color: 'processing', icon: <ClockCircleOutlined /> },
  none: { color: 'default', icon: <MinusCircleOutlined /> },
} as const;

/** The four milestones of a school as small tags, each with its date in a tooltip. */
export function MilestoneTags({ school }: { school: Pick<RolloutSchool, 'milestones' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {school.milestones.map((m) => {
        const state = milestoneState(m, school.overdue);
        const when = m.doneOn && m.done ? t('rollout.detail.done', { day: m.doneOn }) : m.plannedOn ? t('rollout.detail.planned', { day: m.plannedOn }) : t('rollout.detail.notPlanned');
        return (
          <Tooltip key={m.milestone} title={`${t(`rollout.milestones.${m.milestone}`)}：${when}`}>
            <Tag color={LOOK[state].color} icon={LOOK[state].icon} style={{ marginInlineEnd: 0 }} data-state={state}>
              {t(`rollout.milestones.${m.milestone}`)}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

/** What is overdue, each with the department that answers for it. */
export function OverdueTags({ items }: { items: readonly DueView[] }) {
  const { t } = useTranslation();
  if (!items.length) return <Tag color="success">{t('rollout.noOverdue')}</Tag>;
  return (
    <Flex gap={4} wrap>
      {items.map((o) => (
        <Tooltip key={o.requirement} title={t('rollout.overdueSince', { day: o.dueOn, n: o.daysOverdue })}>
          <Tag color="error" style={{ marginInlineEnd: 0 }}>
            {t(`rollout.requirements.${o.requirement}`)} · {t(`departments.${o.department}`)}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
