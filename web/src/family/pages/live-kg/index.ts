import { lazy } from 'react';
import type { FamilyHomeCard, FamilyPage } from '../../family-pages';

/** 园所直播: the class rooms a kindergarten opens to its families, live inside their windows; a home card for a kindergarten child. */
export const liveKgPages: FamilyPage[] = [
  { path: 'live', element: lazy(() => import('./LiveViewPage')) },
];

export const liveKgHomeCards: FamilyHomeCard[] = [
  { key: 'live-kg', order: 25, element: lazy(() => import('./LiveKgHomeCard')) },
];
