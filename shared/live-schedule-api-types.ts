/**
 * The API shapes of the live schedule and sessions (互动教学), derived from the server's TypeBox
 * schemas like api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type { LiveClassOptions, LiveClassPage, LiveClassPatch, LiveClassSchema, NewLiveClassBody } from '../server/src/modules/live/classes.schema.js';
import type { LiveSessionList, LiveSessionSchema } from '../server/src/modules/live/sessions.schema.js';

export type LiveClass = Static<typeof LiveClassSchema>;
export type LiveClassList = Static<typeof LiveClassPage>;
export type NewLiveClass = Static<typeof NewLiveClassBody>;
export type LiveClassChange = Static<typeof LiveClassPatch>;
export type LiveClassChoices = Static<typeof LiveClassOptions>;
export type LiveSession = Static<typeof LiveSessionSchema>;
export type LiveSessions = Static<typeof LiveSessionList>;
