import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewHistoryEntry } from '@shared/resources-review-types';
import { formatInstant } from '../../../app/time';

const COLOR: Record<string, string> = { approve: 'green', return: 'red', feature: 'gold', narrowed: 'orange', submit: 'blue', withdraw: 'gray' };

/** A resource's review steps as a timeline, oldest first: who, at which level, what, the comment, who saw it after. */
export function ReviewHistory({ items }: { items: ReviewHistoryEntry[] }) {
  const { t } = useTranslation();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resourcesReview.historyEmpty')} />;
  return (
    <Timeline
      data-testid="review-history"
      items={items.map((i) => {
        const unfeature = i.decision === 'feature' && i.feature === null;
        return {
          key: i.id,
          color: unfeature ? 'gray' : COLOR[i.decision] ?? 'blue',
          children: (
            <div>
              <Typography.Text strong>
                {t('resourcesReview.historyLine', {
                  by: i.byName ?? t('resourcesReview.system'),
                  level: i.level ? t(`resourcesReview.levels.${i.level}`) : '',
                  decision: t(`resourcesReview.decisions.${unfeature ? 'unfeature' : i.decision}`),
                })}
              </Typography.Text>
              {i.feature ? <Tag color="gold" style={{ marginInlineStart: 8 }}>{t(`resourcesReview.features.${i.feature}`)}</Tag> : null}
              <div><Typography.Text type="secondary">{formatInstant(i.at)}</Typography.Text></div>
              {i.comment ? <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{i.comment}</Typography.Paragraph> : null}
              {i.scopeAfter ? <Typography.Text type="secondary">{t('resourcesReview.scopeAfter', { scope: t(`resourcesReview.scopes.${i.scopeAfter}`) })}</Typography.Text> : null}
            </div>
          ),
        };
      })}
    />
  );
}
