import { Suspense } from 'react';
import { DotLoading, NoticeBar, SafeArea } from 'antd-mobile';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FamilyTabBar, type FamilyTab } from './FamilyTabBar';
import { useFamilySession } from './family-session';

/** The phone frame every signed-in page sits in: the offline banner, the page, the bottom tab bar. */
export function FamilyLayout({ tabs }: { tabs: FamilyTab[] }) {
  const { t } = useTranslation();
  const { offline } = useFamilySession();
  return (
    <div className="family-frame">
      {offline ? (
        <div className="family-offline" role="status" data-testid="offline-banner">
          <NoticeBar color="alert" content={t('shell.offline')} wrap />
        </div>
      ) : null}
      <main className="family-main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <FamilyTabBar tabs={tabs} />
      <SafeArea position="bottom" />
    </div>
  );
}

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="family-loading" aria-busy="true">
      <DotLoading color="primary" />
      <span>{t('shell.loading')}</span>
    </div>
  );
}
