/**
 * The API shapes of the supervision work — visits (督导检查), the inbox (通知) and bulletins (通报) —
 * derived from the server's TypeBox schemas like api-types.ts (kept apart so the modules' types
 * change in one file of their own). Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type { BulletinSchema, CommendationsSchema, CreateBulletinBody, ListQuery as BulletinQuery } from '../server/src/modules/bulletins/bulletins.schema.js';
import type {
  CreateInspectionBody, FollowUpQuery, FollowUpSchema, InspectionSchema, InspectionSummarySchema, ListQuery as InspectionQuery, ReviewBody,
} from '../server/src/modules/inspections/inspections.schema.js';
import type { InboxPage, NotificationSchema } from '../server/src/modules/notifications/notifications.schema.js';

// inspections
export type InspectionSummary = Static<typeof InspectionSummarySchema>;
export type Inspection = Static<typeof InspectionSchema>;
export type InspectionFilters = Omit<Static<typeof InspectionQuery>, 'page' | 'pageSize'>;
export type NewInspection = Static<typeof CreateInspectionBody>;
export type InspectionItem = NewInspection['items'][number]['item'];
export type InspectionRating = Inspection['rating'];
export type FollowUp = Static<typeof FollowUpSchema>;
export type FollowUpStatus = FollowUp['status'];
export type FollowUpFilters = Omit<Static<typeof FollowUpQuery>, 'page' | 'pageSize'>;
export type FollowUpReview = Static<typeof ReviewBody>;

// notifications
export type Notification = Static<typeof NotificationSchema>;
export type Inbox = Static<typeof InboxPage>;

// bulletins
export type Bulletin = Static<typeof BulletinSchema>;
export type BulletinKind = Bulletin['kind'];
export type BulletinFilters = Omit<Static<typeof BulletinQuery>, 'page' | 'pageSize'>;
export type NewBulletin = Static<typeof CreateBulletinBody>;
export type Commendations = Static<typeof CommendationsSchema>;
