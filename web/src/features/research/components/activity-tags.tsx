import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, ActivityLevel, ActivityStatus } from '@shared/research-activities-types';

const STATUS_COLORS: Record<ActivityStatus, string> = { planned: 'default', open: 'processing', summarised: 'success' };
const KIND_COLORS: Record<ActivityKind, string> = { joint_prep: 'cyan', same_topic: 'purple', open_lesson: 'blue', lesson_review: 'gold' };

/** 筹备中 / 评课中 / 已总结 */
export function ActivityStatusTag({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]} data-status={status}>{t(`researchActivities.statuses.${status}`)}</Tag>;
}

/** 集体备课 / 同课异构 / 公开课 / 评课议课 */
export function ActivityKindTag({ kind }: { kind: ActivityKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[kind]}>{t(`researchActivities.kinds.${kind}`)}</Tag>;
}

/** 市级 / 县级 / 校级 with the organising node's name. */
export function ActivityLevelText({ level, name }: { level: ActivityLevel; name: string }) {
  const { t } = useTranslation();
  return <span>{t(`researchActivities.levels.${level}`)} · {name}</span>;
}
