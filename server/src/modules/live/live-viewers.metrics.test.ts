import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addLiveClass, channelUrl, openChannel } from './interaction.test-kit.js';

/** The node's `sunshine_live_viewers` gauge follows the live pages open on it (each holds the session's channel). */
describe('live viewers gauge', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(async () => { await t.close(); });

  const viewers = async () => {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const line = text.split('\n').find((l) => l.startsWith('sunshine_live_viewers '));
    return Number(line?.split(' ')[1]);
  };
  const eventually = async (want: number) => {
    for (let i = 0; i < 50 && (await viewers()) !== want; i++) await sleep(100);
    return viewers();
  };

  it('counts the lead and a receiving room while their pages are open, and drops them as they leave', async () => {
    const cls = await addLiveClass(t, { receiving: ['gx2'] });
    expect(await viewers()).toBe(0);
    const lead = await openChannel(channelUrl(base, cls.sessionId), (await t.login('gxsy.teacher')).token);
    await lead.next('state');
    const room = await openChannel(channelUrl(base, cls.sessionId, cls.rooms.gx2), (await t.login('gx2.teacher')).token);
    await room.next('state');
    expect(await eventually(2)).toBe(2);
    await room.close();
    expect(await eventually(1)).toBe(1);
    await lead.close();
    expect(await eventually(0)).toBe(0);
  });
});
