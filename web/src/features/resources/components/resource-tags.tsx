import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResourceSummary } from '@shared/resources-library-types';

const SCOPE_COLORS = { school: 'default', county: 'blue', city: 'geekblue', public: 'green' } as const;

/** Who sees the resource now (or 未发布 while nobody but its publisher and reviewers does). */
export function ScopeTag({ scope }: { scope: ResourceSummary['visibleScope'] }) {
  const { t } = useTranslation();
  if (!scope) return <Tag data-testid="scope-tag">{t('resourcesLibrary.notVisible')}</Tag>;
  return <Tag color={SCOPE_COLORS[scope]} data-testid="scope-tag">{t(`resourcesLibrary.scopes.${scope}`)}</Tag>;
}

/** 优课 · 精品课 */
export function FeatureTag({ feature }: { feature: ResourceSummary['feature'] }) {
  const { t } = useTranslation();
  if (!feature) return null;
  return <Tag color={feature === 'premium' ? 'gold' : 'orange'} data-testid="feature-tag">{t(`resourcesLibrary.features.${feature}`)}</Tag>;
}

export function KindTag({ kind }: { kind: ResourceSummary['kind'] }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'lesson' ? 'purple' : 'cyan'}>{t(`resourcesLibrary.kinds.${kind}`)}</Tag>;
}

export function ReviewStageTag({ stage }: { stage: ResourceSummary['reviewStage'] }) {
  const { t } = useTranslation();
  const color = stage === 'done' ? 'success' : stage === 'returned' ? 'warning' : stage === 'withdrawn' ? 'default' : 'processing';
  return <Tag color={color} data-testid="review-stage">{t(`resourcesLibrary.reviewStages.${stage}`)}</Tag>;
}
