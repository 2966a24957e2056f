/**
 * The API shapes of guardians' consent (肖像使用同意), derived from the server's TypeBox schemas
 * like api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  ChildConsentSchema, ClassConsentsSchema, ConsentChangeSchema, ConsentHistorySchema, ConsentSavedSchema, MyConsentsSchema, SetConsentBody,
} from '../server/src/modules/students/consent.schema.js';

export type ChildConsent = Static<typeof ChildConsentSchema>;
export type MyConsents = Static<typeof MyConsentsSchema>;
export type ClassConsents = Static<typeof ClassConsentsSchema>;
export type ConsentChange = Static<typeof ConsentChangeSchema>;
export type ConsentHistory = Static<typeof ConsentHistorySchema>;
export type ConsentSaved = Static<typeof ConsentSavedSchema>;
export type SetConsent = Static<typeof SetConsentBody>;
