import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportEvent } from '@shared/api-types';
import { formatInstant } from '../../../app/time';

const COLORS: Record<ReportEvent['action'], string> = { create: 'gray', submit: 'blue', return: 'red', approve: 'green' };

/** 办理记录: every step with who took it, when, and their comment — kept forever. */
export function ReportHistory({ events }: { events: ReportEvent[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="report-history"
      items={events.map((event) => ({
        key: event.id,
        color: COLORS[event.action],
        content: (
          <div data-testid="history-item" data-action={event.action}>
            <Typography.Text strong>
              {t(`reports.actions.${event.action === 'submit' && event.fromStatus === 'returned' ? 'resubmit' : event.action}`)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {event.actorName} · {formatInstant(event.at)}
            </Typography.Text>
            {event.comment ? <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{event.comment}</Typography.Paragraph> : null}
          </div>
        ),
      }))}
    />
  );
}
