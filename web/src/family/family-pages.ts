import type { ComponentType, LazyExoticComponent } from 'react';
import type { FamilyChildView } from './family-types';
import { attendanceHomeCards, attendancePages } from './pages/attendance';
import { bindingHomeCards, bindingPages } from './pages/binding';
import { consentPages } from './pages/consent';
import { kindergartenHomeCards, kindergartenPages } from './pages/kindergarten';
import { liveKgHomeCards, liveKgPages } from './pages/live-kg';
import { messagesPages } from './pages/messages';
import { noticesHomeCards, noticesPages } from './pages/notices';
import { routineHomeCards, routinePages } from './pages/routine';

/**
 * The family app's pages, one registry the shell (FamilyApp) reads. Each area exports its pages
 * and home cards from `pages/<area>/index.ts` and adds one spread line below; the shell never
 * names an area. Pages are lazy, so a parent's first load carries only the shell and the home.
 */
export interface FamilyPage {
  /** Path under /family, without the leading slash: 'notices', 'notices/:id'. */
  path: string;
  element: LazyExoticComponent<ComponentType>;
  /** A tab of the bottom bar (at most five in all, the shell orders them by `order`). */
  tab?: { key: string; titleKey: string; order: number };
}

/** A card on the home page, once per child ("今日到校", "未读通知"), given the child it is about. */
export interface FamilyHomeCard {
  key: string;
  order: number;
  element: LazyExoticComponent<ComponentType<{ child: FamilyChildView }>>;
}

export const FAMILY_PAGES: FamilyPage[] = [
  ...attendancePages,
  ...bindingPages,
  ...consentPages,
  ...kindergartenPages,
  ...liveKgPages,
  ...messagesPages,
  ...noticesPages,
  ...routinePages,
];

export const FAMILY_HOME_CARDS: FamilyHomeCard[] = [
  ...attendanceHomeCards,
  ...bindingHomeCards,
  ...kindergartenHomeCards,
  ...liveKgHomeCards,
  ...noticesHomeCards,
  ...routineHomeCards,
];
