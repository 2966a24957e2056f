import { lazy } from 'react';
import type { FamilyHomeCard, FamilyPage } from '../../family-pages';

/** 到校与请假: a page reached from the home card (no tab: the bar keeps five). */
export const attendancePages: FamilyPage[] = [
  { path: 'attendance', element: lazy(() => import('./AttendancePage')) },
];

export const attendanceHomeCards: FamilyHomeCard[] = [
  { key: 'attendance.today', order: 10, element: lazy(() => import('./TodayCard')) },
];
