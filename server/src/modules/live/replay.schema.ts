import { Type } from 'typebox';
import { LEAD_TRACK, RECEIVING_TRACKS } from './replay.tracks.js';
import { MARKER_KINDS } from './replay.queries.js';

/** 专递课堂 replay: the shapes of its route. */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const SessionParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ReplayRoomSchema = Type.Object({
  roomId: Type.Integer(),
  roomName: Type.String(),
  schoolId: Type.Integer(),
  schoolName: Type.String(),
  lead: Type.Boolean(),
  /** The replay's track that holds this room's camera; null: it recorded nothing (or no replay yet). */
  track: Nullable(Type.Enum([LEAD_TRACK, ...RECEIVING_TRACKS])),
});

export const ReplayMarkerSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(MARKER_KINDS),
  /** On the lesson's clock (ms after the replay's start). */
  atMs: Type.Integer({ minimum: 0 }),
  roomId: Nullable(Type.Integer()),
  roomName: Nullable(Type.String()),
  /** A poll's or a question's text, when the record kept one. */
  text: Nullable(Type.String()),
});

export const ReplaySchema = Type.Object({
  sessionId: Type.Integer(),
  liveClassId: Type.Integer(),
  title: Type.String(),
  /** The lesson in recordings (its main track); null until the replay is made. */
  recordingId: Nullable(Type.Integer()),
  lessonStart: Nullable(Type.String()),
  rooms: Type.Array(ReplayRoomSchema),
  markers: Type.Array(ReplayMarkerSchema),
});
