import { lazy } from 'react';
import type { FamilyPage } from '../../family-pages';

/** 出镜授权: reached from 我的 (not a tab). */
export const consentPages: FamilyPage[] = [
  { path: 'consent', element: lazy(() => import('./ConsentPage')) },
];
