import { Suspense, useEffect, useState } from 'react';
import { App as AntApp, Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../app/auth';
import { ErrorBoundary } from '../app/components/ErrorBoundary';
import { FullPageSpin } from '../app/components/FullPageSpin';
import { LanguageToggle } from '../app/components/LanguageToggle';
import { useLocale } from '../app/locale';
import { SunMark } from '../app/components/SunMark';
import { navItemFor, visibleNavItems } from './nav-items';
import { UserMenu } from './UserMenu';
import { NotificationBell } from '../features/notifications/components/NotificationBell';

const COLLAPSED_KEY = 'sunshine.siderCollapsed';
const SIDER_WIDTH = 216;

/**
 * The signed-in frame: side menu (a drawer on phones), header with the person and language,
 * and the current page. The menu lists only pages the person's roles open.
 */
export default function AppLayout() {
  const me = useMe();
  const { t } = useTranslation();
  const location = useLocation();
  const { language } = useLocale();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);

  const current = navItemFor(location.pathname);
  const pageTitle = current ? t(`nav.${current.key}`) : '';

  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${t('app.name')}` : t('app.name');
  }, [pageTitle, t]);

  // A route change from the drawer's menu closes the drawer.
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  function toggleCollapsed() {
    setCollapsed((value) => {
      localStorage.setItem(COLLAPSED_KEY, value ? '0' : '1');
      return !value;
    });
  }

  const items: MenuProps['items'] = visibleNavItems(me).map((item) => ({
    key: item.key,
    icon: item.icon,
    label: <Link to={item.path}>{t(`nav.${item.key}`)}</Link>,
  }));
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={current ? [current.key] : []}
      items={items}
      data-testid="side-menu"
      style={{ borderInlineEnd: 0 }}
    />
  );
  const brand = (showName: boolean) => (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, height: 56, padding: '0 20px', color: '#fff', overflow: 'hidden' }}>
      <span style={{ display: 'flex', flexShrink: 0 }}>
        <SunMark size={28} />
      </span>
      {showName ? (
        <span style={{ fontSize: language === 'zh-CN' ? 18 : 16, fontWeight: 600, letterSpacing: language === 'zh-CN' ? 2 : 0, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </span>
      ) : null}
    </Link>
  );

  // AntApp gives pages message/modal with the theme; it lives here, not at the root, to keep
  // the login page's JS small.
  return (
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        {mobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={SIDER_WIDTH + 24}
            closable={false}
            styles={{ body: { padding: 0, background: '#0f2a4f' }, header: { display: 'none' } }}
          >
            {brand(true)}
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider
            width={SIDER_WIDTH}
            collapsible
            collapsed={collapsed}
            trigger={null}
            style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          >
            {brand(!collapsed)}
            {menu}
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header
            style={{
              position: 'sticky',
              top: 0,
              zIndex: 10,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              gap: 8,
              borderBottom: '1px solid #e8ecf2',
            }}
          >
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              {mobile ? (
                <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={() => setDrawerOpen(true)} data-testid="open-menu" />
              ) : (
                <Button
                  type="text"
                  icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                  aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
                  onClick={toggleCollapsed}
                />
              )}
              <span style={{ fontSize: 16, fontWeight: 500, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {pageTitle || t('app.name')}
              </span>
            </Flex>
            <Flex align="center" gap={4}>
              <NotificationBell />
              <LanguageToggle />
              <UserMenu compact={mobile} />
            </Flex>
          </Layout.Header>
          <Layout.Content style={{ padding: mobile ? 12 : 24 }}>
            <ErrorBoundary resetKey={location.pathname}>
              <Suspense fallback={<FullPageSpin height={320} />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
