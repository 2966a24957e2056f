/**
 * 专递课堂 replay (issue 12): the shapes of GET /api/live/sessions/:id/replay, derived from the
 * server's TypeBox schemas (type-only: nothing of the server reaches the browser bundle).
 */
import type { Static } from 'typebox';
import type { ReplaySchema } from '../server/src/modules/live/replay.schema.js';

export type LiveReplay = Static<typeof ReplaySchema>;
export type LiveReplayMarker = LiveReplay['markers'][number];
export type LiveReplayRoom = LiveReplay['rooms'][number];
