import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveServerMessage } from '../../../../shared/live-interaction.js';
import { createAppEventBus } from '../../events/app-events.js';
import { redisEventTransport } from '../../events/event-transport.js';
import { twoRedisNodes } from '../../test-support/test-redis.js';
import { createBusHub } from './interaction-hub.js';

/** Two nodes' hubs on one Redis: a live session's message published on A reaches B's sockets of that session only. */
describe('live interaction hub across nodes', () => {
  let redis: ReturnType<typeof twoRedisNodes>;

  beforeAll(() => {
    redis = twoRedisNodes();
  });
  afterAll(async () => {
    await redis?.close();
  });

  it('delivers on both nodes, in order, to the session\'s sockets and no other session\'s', async () => {
    const busA = createAppEventBus({ transport: redisEventTransport(redis.a) });
    const busB = createAppEventBus({ transport: redisEventTransport(redis.b) });
    const stops = await Promise.all([busA.listening, busB.listening]);
    const a = createBusHub(busA);
    const b = createBusHub(busB);
    const heard: string[] = [];
    const stage = (roomId: number): LiveServerMessage => ({ type: 'stage', roomId });
    a.subscribe(7, (m) => heard.push(`a7:${(m as { roomId: number }).roomId}`));
    b.subscribe(7, (m) => heard.push(`b7:${(m as { roomId: number }).roomId}`));
    b.subscribe(8, (m) => heard.push(`b8:${(m as { roomId: number }).roomId}`));
    a.publish(7, stage(1));
    a.publish(7, stage(2));
    // The publishing node's own sockets hear it at once.
    expect(heard).toEqual(['a7:1', 'a7:2']);
    const deadline = Date.now() + 5_000;
    while (heard.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual(['a7:1', 'a7:2', 'b7:1', 'b7:2']);
    await Promise.all([a.close(), b.close()]);
    await Promise.all(stops.map((stop) => stop()));
  });
});
