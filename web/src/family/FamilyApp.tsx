import { lazy, Suspense, useEffect, useState } from 'react';
import { ConfigProvider } from 'antd-mobile';
import zhCNLocale from 'antd-mobile/es/locales/zh-CN';
import enUSLocale from 'antd-mobile/es/locales/en-US';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { CardBoundary } from './CardBoundary';
import { FAMILY_PAGES, type FamilyPage } from './family-pages';
import { FamilySessionProvider } from './family-session';
import { FamilyLayout, PageLoading } from './FamilyLayout';
import type { FamilyTab } from './FamilyTabBar';
import { familyI18n } from './i18n/family-i18n';
import { RequireParent } from './RequireParent';
import HomePage from './pages/shell/HomePage';

// The home is in the first load (a parent opens the app to it); everything else is its own chunk.
const LoginPage = lazy(() => import('./pages/shell/LoginPage'));
const MePage = lazy(() => import('./pages/shell/MePage'));
const NotFoundPage = lazy(() => import('./pages/shell/NotFoundPage'));

/** At most five tabs: 首页 first, 我的 last, the areas' tabs between them by their order. */
const MAX_TABS = 5;

export function familyTabs(): FamilyTab[] {
  const areaTabs = FAMILY_PAGES.filter((p) => p.tab).sort((a, b) => a.tab!.order - b.tab!.order)
    .slice(0, MAX_TABS - 2).map((p) => ({ key: p.tab!.key, path: p.path, titleKey: p.tab!.titleKey }));
  return [{ key: 'home', path: '', titleKey: 'shell.tabs.home' }, ...areaTabs, { key: 'me', path: 'me', titleKey: 'shell.tabs.me' }];
}

/** The family app (阳光少年) for parents' phones: its own language instance, session, routes under /family. */
export function FamilyApp() {
  const [language, setLanguage] = useState(familyI18n.language);
  useEffect(() => {
    const changed = (lng: string) => setLanguage(lng);
    familyI18n.on('languageChanged', changed);
    return () => familyI18n.off('languageChanged', changed);
  }, []);
  const tabs = familyTabs();
  return (
    <I18nextProvider i18n={familyI18n}>
      <ConfigProvider locale={language === 'en' ? enUSLocale : zhCNLocale}>
        <FamilySessionProvider>
          <BrowserRouter basename="/family">
            <Routes>
              <Route path="login" element={<Suspense fallback={<PageLoading />}><LoginPage /></Suspense>} />
              <Route element={<RequireParent><FamilyLayout tabs={tabs} /></RequireParent>}>
                <Route index element={<HomePage />} />
                <Route path="me" element={<MePage />} />
                {FAMILY_PAGES.map((page) => <Route key={page.path} path={page.path} element={<AreaPage page={page} />} />)}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </FamilySessionProvider>
      </ConfigProvider>
    </I18nextProvider>
  );
}

/** An area's page, kept in its own error boundary: one area's failure leaves the tab bar working. */
function AreaPage({ page }: { page: FamilyPage }) {
  const { t } = useTranslation();
  return (
    <CardBoundary fallback={<div className="family-page" role="alert">{t('shell.cardFailed')}</div>}>
      <page.element />
    </CardBoundary>
  );
}
