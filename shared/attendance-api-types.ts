/**
 * The API shapes of morning attendance and leave (issue 11), derived from the server's TypeBox
 * schemas like api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  ChildMonthSchema, FiguresSchema, GateCreatedSchema, GatesSchema, MarkBody, MarkedSchema, MyClassesSchema, MyTodaySchema, RollCallSchema, SettingsSchema,
} from '../server/src/modules/family/attendance.schema.js';
import type { LeaveBody, LeaveSchema, LeavesSchema } from '../server/src/modules/family/leave.schema.js';

export type MyToday = Static<typeof MyTodaySchema>;
export type ChildMonth = Static<typeof ChildMonthSchema>;
export type RollCall = Static<typeof RollCallSchema>;
export type MarkRequest = Static<typeof MarkBody>;
export type Marked = Static<typeof MarkedSchema>;
export type MyClasses = Static<typeof MyClassesSchema>;
export type AttendanceSettings = Static<typeof SettingsSchema>;
export type AttendanceFigures = Static<typeof FiguresSchema>;
export type Gates = Static<typeof GatesSchema>;
export type GateCreated = Static<typeof GateCreatedSchema>;
export type Leave = Static<typeof LeaveSchema>;
export type Leaves = Static<typeof LeavesSchema>;
export type LeaveRequest = Static<typeof LeaveBody>;
export type DayStatus = NonNullable<RollCall['items'][number]['status']>;
