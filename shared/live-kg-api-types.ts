/**
 * The API shapes of 园所直播 (a kindergarten's live view for families), derived from the server's
 * TypeBox schemas like kindergarten-api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type { LiveMediaView } from './live.js';
import type {
  KgHeartbeatSchema, KgParentRoomSchema, KgParentRoomsSchema, KgRoomBody, KgStaffRoomSchema, KgStaffRoomsSchema, KgViewLogListSchema,
  KgViewLogSchema, KgViewStartSchema, KgWatchersSchema, KgWindowSchema, KgWindowStateSchema,
} from '../server/src/modules/live/kg-view.schema.js';

export type KgLiveWindow = Static<typeof KgWindowSchema>;
export type KgLiveWindowState = Static<typeof KgWindowStateSchema>;
export type KgLiveParentRoom = Static<typeof KgParentRoomSchema>;
export type KgLiveParentRooms = Static<typeof KgParentRoomsSchema>;
/** The media part is the engine's LiveMediaView (the schema only checks its outline). */
export type KgLiveViewStart = Omit<Static<typeof KgViewStartSchema>, 'media'> & { media: LiveMediaView };
export type KgLiveHeartbeat = Static<typeof KgHeartbeatSchema>;
export type KgLiveViewLog = Static<typeof KgViewLogSchema>;
export type KgLiveViewLogList = Static<typeof KgViewLogListSchema>;
export type KgLiveStaffRoom = Static<typeof KgStaffRoomSchema>;
export type KgLiveStaffRooms = Static<typeof KgStaffRoomsSchema>;
export type KgLiveWatchers = Static<typeof KgWatchersSchema>;
export type KgLiveRoomInput = Static<typeof KgRoomBody>;
