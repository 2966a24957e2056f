import { lazy } from 'react';
import type { FamilyHomeCard, FamilyPage } from '../../family-pages';

/** The kindergarten area of the family app: pick-up people and one-offs, medication, and the home card of a kindergarten child's day. */
export const kindergartenPages: FamilyPage[] = [
  { path: 'kindergarten/:childId/pickup', element: lazy(() => import('./PickupPeoplePage')) },
  { path: 'kindergarten/:childId/medication', element: lazy(() => import('./MedicationPage')) },
];

export const kindergartenHomeCards: FamilyHomeCard[] = [
  { key: 'kindergarten-today', order: 20, element: lazy(() => import('./KindergartenTodayCard')) },
];
