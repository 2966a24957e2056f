import type { Action, MeView } from '@shared/domain';
import { keepsRecordingRooms } from '@shared/department-duties';

/** True when one of the person's roles grants the action (the server decides where). */
export function can(me: MeView, action: Action): boolean {
  return me.permissions.includes(action);
}

/** True when the person may take any of the actions (an empty list means anyone signed in). */
export function canAny(me: MeView, actions: readonly Action[]): boolean {
  return actions.length === 0 || actions.some((action) => me.permissions.includes(action));
}

/**
 * For room:write and recording:delete: of a county bureau's departments only the 教科所 runs
 * recording rooms, so the server refuses the 电教馆 and 学前教研室 (with a reason). Hides the
 * buttons from a person whose only grants are such department roles.
 */
export function canAsRoomKeeper(me: MeView, action: 'room:write' | 'recording:delete'): boolean {
  return can(me, action) && me.assignments.some(keepsRecordingRooms);
}

/**
 * Which actions open each page: the menu shows a page only when the person holds one of them,
 * and the route shows 403 otherwise. One table, so menu and routes can never disagree.
 */
export const PAGE_ACCESS = {
  home: [],
  dashboard: ['compliance:read'],
  org: ['org:read'],
  schools: ['org:read'],
  people: ['person:read'],
  imports: ['school:import', 'person:import'],
  rooms: ['org:read'],
  recordings: ['recording:read'],
  upload: ['recording:upload'],
  audit: ['audit:read'],
  inspections: ['inspection:read'],
  bulletins: ['bulletin:read'],
  // The inbox is everyone's own; the header's bell opens it (no menu item).
  notifications: [],
  reports: ['report:read'],
  rollout: ['rollout:read'],
  // City and county staff set terms, rules and exceptions; a principal their school's exceptions.
  calendar: ['calendar:write'],
  // Online teaching research: activities, groups, rubrics and the research analysis; class patrol.
  research: ['research:read'],
  patrol: ['patrol:read'],
  // Shared quality resources: the library, review and featuring; guardians' consent; the equity picture.
  resources: ['resource:read'],
  // Teachers read their school's classes; guardians and the principal also set consent.
  consent: ['consent:read'],
  // 平安校园: the school's staff patrol and rectify; bureaus and inspectors read the figures and escalated hazards.
  safety: ['safety:read'],
  equity: ['equity:read'],
  kindergarten: ['class:write'],
  // 班级家校: a class's staff (and the principal) confirm parents' bindings, issue codes; the principal assigns staff.
  familyClasses: ['class:write'],
  messages: ['family:read'],
  // Family notices (家校通知): teachers, principals, county and city staff send and follow receipts.
  notices: ['notice:write'],
  homework: ['class:write', 'family:stats'],
  attendance: ['class:write', 'family:stats'],
  // 互动教学: today's live classes, the schedule (live:write schedules) and the patrol wall.
  live: ['live:read'],
} as const satisfies Record<string, readonly Action[]>;

export type PageKey = keyof typeof PAGE_ACCESS;
