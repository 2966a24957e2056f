import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUpStatus, InspectionRating } from '@shared/supervision-api-types';

const RATING_COLORS: Record<InspectionRating, string> = { excellent: 'green', good: 'blue', fair: 'orange', poor: 'red' };
const STATUS_COLORS: Record<FollowUpStatus, string> = { open: 'orange', rectified: 'blue', verified: 'green' };

/** 优秀 / 良好 / 一般 / 较差. */
export function RatingTag({ rating }: { rating: InspectionRating }) {
  const { t } = useTranslation();
  return <Tag color={RATING_COLORS[rating]}>{t(`inspections.ratings.${rating}`)}</Tag>;
}

/** 待整改 / 已整改待验收 / 已验收, and 逾期 when an open one is past its due date. */
export function FollowUpStatusTag({ status, overdue }: { status: FollowUpStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLORS[status]} data-status={status}>{t(`inspections.statuses.${status}`)}</Tag>
      {overdue ? <Tag color="red" data-testid="overdue-tag">{t('inspections.overdue')}</Tag> : null}
    </>
  );
}
