import type { ReactNode } from 'react';
import { Button } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../app/components/PageHeader';
import { links } from './links';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';

/** Title, the as-of day picker, and the way to the 大屏 (and back up a level). */
export function DashboardHeader({
  title, asOf, onAsOf, up, bigScreen = false,
}: {
  title: ReactNode;
  asOf: string;
  onAsOf: (day: string | undefined) => void;
  /** The level above (county → city, school → county). */
  up?: { to: string; label: string };
  bigScreen?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <PageHeader
      title={title}
      note={t('dashboards.asOfNote', { day: asOf })}
      extra={
        <>
          {up ? <Link to={up.to}><Button>{up.label}</Button></Link> : null}
          <PlatformDatePicker
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(value) => onAsOf(value?.format('YYYY-MM-DD'))}
            aria-label={t('dashboards.asOf')}
            data-testid="as-of"
          />
          {bigScreen ? (
            <Link to={links.bigScreen(asOf)}>
              <Button type="primary" icon={<FullscreenOutlined />} data-testid="open-big-screen">{t('dashboards.bigScreen')}</Button>
            </Link>
          ) : null}
        </>
      }
    />
  );
}
