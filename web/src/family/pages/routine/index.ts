import { lazy } from 'react';
import type { FamilyHomeCard, FamilyPage } from '../../family-pages';

/** 日常: today's lessons and homework (a tab), the week's timetable, the school calendar; a home card per child. */
export const routinePages: FamilyPage[] = [
  { path: 'routine', element: lazy(() => import('./TodayPage')), tab: { key: 'routine', titleKey: 'routine.tab', order: 20 } },
  { path: 'routine/timetable', element: lazy(() => import('./TimetablePage')) },
  { path: 'routine/calendar', element: lazy(() => import('./CalendarPage')) },
];

export const routineHomeCards: FamilyHomeCard[] = [
  { key: 'routine', order: 20, element: lazy(() => import('./RoutineHomeCard')) },
];
