/**
 * The API shapes of research activities (教研活动), research groups (教研组, 名师工作室) and rooms'
 * one-off bookings, derived from the server's TypeBox schemas like api-types.ts. Type-only
 * imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  ActivityCountsSchema, ActivityDetailSchema, ActivityFileSchema, ActivityLessonSchema, ActivitySummarySchema, CountsQuery,
  CreateActivityBody, LessonBriefSchema, ListQuery, MemberSchema, ResearchPersonSchema, UpdateActivityBody,
} from '../server/src/modules/research/activities.schema.js';
import type { CreateGroupBody, GroupDetailSchema, GroupListQuery, GroupSummarySchema, UpdateGroupBody } from '../server/src/modules/research/groups.schema.js';
import type { BookingList, BookingSchema, CreateBookingBody } from '../server/src/modules/rooms/bookings.schema.js';

// activities
export type ActivitySummary = Static<typeof ActivitySummarySchema>;
export type ActivityDetail = Static<typeof ActivityDetailSchema>;
export type ActivityKind = ActivitySummary['kind'];
export type ActivityStatus = ActivitySummary['status'];
export type ActivityLevel = ActivitySummary['level'];
export type ActivityLesson = Static<typeof ActivityLessonSchema>;
export type ActivityFile = Static<typeof ActivityFileSchema>;
export type ActivityFileKind = ActivityFile['kind'];
export type ActivityMember = Static<typeof MemberSchema>;
export type ActivityCounts = Static<typeof ActivityCountsSchema>;
export type ActivityFilters = Omit<Static<typeof ListQuery>, 'page' | 'pageSize'>;
export type ActivityCountsFilters = Static<typeof CountsQuery>;
export type NewActivity = Static<typeof CreateActivityBody>;
export type ActivityPatch = Static<typeof UpdateActivityBody>;
export type LessonBrief = Static<typeof LessonBriefSchema>;
export type ResearchPerson = Static<typeof ResearchPersonSchema>;

// groups
export type GroupSummary = Static<typeof GroupSummarySchema>;
export type GroupDetail = Static<typeof GroupDetailSchema>;
export type GroupKind = GroupSummary['kind'];
export type GroupFilters = Omit<Static<typeof GroupListQuery>, 'page' | 'pageSize'>;
export type NewGroup = Static<typeof CreateGroupBody>;
export type GroupPatch = Static<typeof UpdateGroupBody>;

// room bookings
export type RoomBooking = Static<typeof BookingSchema>;
export type RoomBookings = Static<typeof BookingList>;
export type NewRoomBooking = Static<typeof CreateBookingBody>;
