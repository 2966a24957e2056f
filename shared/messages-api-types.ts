/**
 * The API shapes of teacher–parent messages (家校沟通), derived from the server's TypeBox schemas
 * like api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  ContactsSchema, ConversationDetailSchema, ConversationListSchema, ConversationSchema, MessagePageSchema, MessageSchema,
  ReportListSchema, ReportSchema, ReportSavedSchema, UnreadCountSchema, WorkingHoursSchema, WorkingRangeSchema,
} from '../server/src/modules/family/messages.schema.js';

export type Conversation = Static<typeof ConversationSchema>;
export type ConversationList = Static<typeof ConversationListSchema>;
export type ConversationDetail = Static<typeof ConversationDetailSchema>;
export type FamilyMessage = Static<typeof MessageSchema>;
export type MessagePage = Static<typeof MessagePageSchema>;
export type UnreadCount = Static<typeof UnreadCountSchema>;
export type MessageContacts = Static<typeof ContactsSchema>;
export type MessageReport = Static<typeof ReportSchema>;
export type MessageReportList = Static<typeof ReportListSchema>;
export type MessageReportSaved = Static<typeof ReportSavedSchema>;
export type WorkingRange = Static<typeof WorkingRangeSchema>;
export type WorkingHours = Static<typeof WorkingHoursSchema>;
