import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '@shared/api-types';
import type { Department, MeView } from '@shared/domain';

const STATUS_COLORS: Record<ReportStatus, string> = { draft: 'default', submitted: 'processing', returned: 'error', approved: 'success' };

/** 草稿 / 待审核 / 已退回 / 已通过; a returned report shows the city's comment on hover. */
export function ReportStatusTag({ status, comment }: { status: ReportStatus; comment?: string | null }) {
  const { t } = useTranslation();
  const tag = <Tag color={STATUS_COLORS[status]} data-status={status}>{t(`reports.statuses.${status}`)}</Tag>;
  return comment ? <Tooltip title={comment}>{tag}</Tooltip> : tag;
}

/**
 * The departments this person prepares reports for: their own as a department's staff, every
 * one as a county admin (the server checks again).
 */
export function writableDepartments(me: MeView): Department[] {
  if (!me.permissions.includes('report:write')) return [];
  if (me.assignments.some((a) => a.role === 'county_admin')) return ['research', 'edtech', 'preschool'];
  return [...new Set(me.assignments.filter((a) => a.role === 'dept_staff' && a.department).map((a) => a.department!))];
}

/** Whether the person reviews for a city: report:review held at the city level (a county researcher is refused). */
export function reviewsForCity(me: MeView): boolean {
  return me.permissions.includes('report:review')
    && me.assignments.some((a) => (a.role === 'city_admin' || a.role === 'researcher') && a.countyId === null && a.schoolId === null);
}
