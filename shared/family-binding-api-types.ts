/**
 * The API shapes of binding a guardian to a child (家长绑定) and of a class's staff, derived from
 * the server's TypeBox schemas like api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  ClassRequestSchema, ClassRequestsSchema, CodeSchema, CodesSchema, MineSchema, MyChildSchema, MyRequestSchema, NewCodeBody,
  RedeemBody, RosterSchema, StaffClassesSchema,
} from '../server/src/modules/family/binding.schema.js';
import type { AddClassStaffBody, ClassStaffListSchema } from '../server/src/modules/students/class-staff.schema.js';

export type BindingRedeem = Static<typeof RedeemBody>;
export type BindingMyRequest = Static<typeof MyRequestSchema>;
export type BindingMyChild = Static<typeof MyChildSchema>;
export type BindingMine = Static<typeof MineSchema>;
export type BindingClassRequest = Static<typeof ClassRequestSchema>;
export type BindingClassRequests = Static<typeof ClassRequestsSchema>;
export type BindingCode = Static<typeof CodeSchema>;
export type BindingCodes = Static<typeof CodesSchema>;
export type BindingNewCode = Static<typeof NewCodeBody>;
export type BindingRoster = Static<typeof RosterSchema>;
export type BindingStaffClasses = Static<typeof StaffClassesSchema>;
export type ClassStaffList = Static<typeof ClassStaffListSchema>;
export type AddClassStaff = Static<typeof AddClassStaffBody>;

/** The relations a parent picks from (其他: they write it). */
export const BINDING_RELATIONS = ['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他'] as const;
