import { lazy } from 'react';
import type { FamilyHomeCard, FamilyPage } from '../../family-pages';

/** The binding pages: bind a child with the class's code (the class QR code opens it), my children. */
export const bindingPages: FamilyPage[] = [
  { path: 'bind', element: lazy(() => import('./BindPage')) },
  { path: 'children', element: lazy(() => import('./ChildrenPage')), tab: { key: 'children', titleKey: 'binding.tabs.children', order: 90 } },
];

export const bindingHomeCards: FamilyHomeCard[] = [];
