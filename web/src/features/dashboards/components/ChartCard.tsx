import type { ReactNode } from 'react';
import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A figure's frame: its title, a link to the list behind it, and an empty state when there is nothing to draw. */
export function ChartCard({ title, list, empty = false, children, testId }: { title: ReactNode; list?: string; empty?: boolean; children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Card
      variant="borderless"
      title={title}
      extra={list ? <Link to={list}>{t('dashboards.viewList')}</Link> : null}
      data-testid={testId}
      style={{ height: '100%' }}
    >
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.noData')} /> : children}
    </Card>
  );
}
