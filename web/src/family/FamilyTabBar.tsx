import { Link, useLocation } from 'react-router';
import { useText } from './use-text';

export interface FamilyTab {
  key: string;
  /** Path under /family ('' for the home). */
  path: string;
  titleKey: string;
}

/**
 * The bottom tab bar, in antd-mobile's TabBar look (its adm-tab-bar classes), but each tab a real
 * link (<a href="/family/…">): it opens in a new tab, survives a failed script, and tools that
 * walk the app's pages find them. The bar's tabs come from FAMILY_PAGES (see FamilyApp).
 */
export function FamilyTabBar({ tabs }: { tabs: FamilyTab[] }) {
  const text = useText();
  const { pathname } = useLocation();
  const current = (tab: FamilyTab) => (tab.path === '' ? pathname === '/' : pathname === `/${tab.path}` || pathname.startsWith(`/${tab.path}/`));
  return (
    <nav className="adm-tab-bar family-tab-bar" aria-label={text('shell.appName')}>
      <div className="adm-tab-bar-wrap">
        {tabs.map((tab) => {
          const active = current(tab);
          return (
            <Link
              key={tab.key}
              to={tab.path === '' ? '/' : `/${tab.path}`}
              className={`adm-tab-bar-item${active ? ' adm-tab-bar-item-active' : ''}`}
              aria-current={active ? 'page' : undefined}
              data-tab={tab.key}
            >
              <div className="adm-tab-bar-item-icon"><TabIcon tabKey={tab.key} title={text(tab.titleKey)} /></div>
              <div className="adm-tab-bar-item-title adm-tab-bar-item-title-with-icon">{text(tab.titleKey)}</div>
            </Link>
          );
        })}
      </div>
    </nav>
  );
}

/** Small line icons drawn here (an icon font would weigh on the first load); other areas' tabs get their title's first character. */
function TabIcon({ tabKey, title }: { tabKey: string; title: string }) {
  const common = { width: 24, height: 24, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const, 'aria-hidden': true };
  if (tabKey === 'home') return <svg {...common}><path d="M3 10.5 12 3l9 7.5" /><path d="M5 9v11h5v-6h4v6h5V9" /></svg>;
  if (tabKey === 'me') return <svg {...common}><circle cx="12" cy="8" r="4" /><path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" /></svg>;
  return <span className="family-tab-glyph" aria-hidden>{title.slice(0, 1)}</span>;
}
