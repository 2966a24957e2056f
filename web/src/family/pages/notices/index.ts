import { lazy } from 'react';
import type { FamilyHomeCard, FamilyPage } from '../../family-pages';

/** 通知: the list (a tab), a notice, and the home card of unread notices per child. */
export const noticesPages: FamilyPage[] = [
  { path: 'notices', element: lazy(() => import('./NoticesListPage')), tab: { key: 'notices', titleKey: 'notices.tab', order: 20 } },
  { path: 'notices/:id', element: lazy(() => import('./NoticeDetailPage')) },
];

export const noticesHomeCards: FamilyHomeCard[] = [
  { key: 'notices', order: 20, element: lazy(() => import('./NoticesHomeCard')) },
];
