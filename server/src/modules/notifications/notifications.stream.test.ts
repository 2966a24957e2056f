import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { testRedisEnv } from '../../test-support/test-redis.js';

/** An EventSource as a browser holds one: the raw text of the stream, and the events seen so far. */
async function openStream(base: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/notifications/stream`, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  let text = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body!) text += decoder.decode(chunk as Uint8Array, { stream: true });
    } catch { /* aborted */ }
  })();
  const count = () => text.split('\n\n').filter((block) => block.split('\n').includes('event: notification')).length;
  return {
    res,
    text: () => text,
    count,
    /** Resolves once `n` notification events arrived; fails after `ms`. */
    async until(n: number, ms = 5_000) {
      const end = Date.now() + ms;
      while (count() < n) {
        if (Date.now() > end) throw new Error(`expected ${n} notification events, saw ${count()}: ${JSON.stringify(text)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      controller.abort();
      await reading;
    },
  };
}

const until = async (ok: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/**
 * Two API nodes (own DATA_DIR, own event bus and Redis clients) on one database and one Redis: a
 * browser whose notification stream is open on node B learns at once of a notification written
 * on node A, and never of anyone else's.
 */
describe('notification streams across nodes', () => {
  let a: TestApp;
  let b: TestApp;
  let baseB: string;

  beforeAll(async () => {
    const env = testRedisEnv();
    a = await createTestApp({ env });
    b = await createTestApp({ nodeOf: a, env });
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    baseB = `http://127.0.0.1:${(b.app.server.address() as AddressInfo).port}`;
    // Two apps seeded and built on a busy shared machine (PostgreSQL especially) outlast the default hook time.
  }, 240_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers a notification written on node A to the person\'s stream on node B, and to no one else\'s', async () => {
    const teacher = await b.login('gxsy.teacher');
    const principal = await b.login('gxsy.principal');
    const mine = await openStream(baseB, teacher.headers.cookie);
    const theirs = await openStream(baseB, principal.headers.cookie);
    expect(mine.res.status).toBe(200);
    expect(mine.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(mine.res.headers.get('cache-control')).toBe('no-store');
    await until(() => mine.text().includes(': connected') && theirs.text().includes(': connected'));
    try {
      expect(await a.services.notifications.notify([teacher.me.id], { kind: 'test', title: '节点 A 写的', body: '给李老师' })).toBe(1);
      await mine.until(1);
      // What the bell does on the event: it reads its inbox through the scoped route (here on B).
      expect((await teacher.get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });

      // The principal's stream heard nothing of it: its first event is its own notification.
      await a.services.notifications.notify([principal.me.id], { kind: 'test', title: '给校长', body: '校长的' });
      await theirs.until(1);
      expect(theirs.count()).toBe(1);
      expect(mine.count()).toBe(1);
      expect((await principal.get('/api/notifications')).body).not.toContain('节点 A 写的');

      // Written inside a caller's transaction: announced once committed; a rolled-back one never.
      await a.db.db.transaction().execute(async (trx) => {
        await a.services.notifications.notify([teacher.me.id], { kind: 'test', title: '事务内', body: '提交后' }, trx);
      });
      await mine.until(2);
      await a.db.db.transaction().execute(async (trx) => {
        await a.services.notifications.notify([principal.me.id], { kind: 'test', title: '回滚', body: '不会出现' }, trx);
        throw new Error('rolled back');
      }).catch(() => {});
      // A later notification to the principal arrives as their second event: the rolled-back one made none.
      await new Promise((r) => setTimeout(r, 300));
      await a.services.notifications.notify([principal.me.id], { kind: 'test', title: '之后', body: '第二条' });
      await theirs.until(2);
      await new Promise((r) => setTimeout(r, 200));
      expect(theirs.count()).toBe(2);
    } finally {
      await mine.close();
      await theirs.close();
    }
    await until(() => b.services.notificationStreams.size() === 0);
  });

  it('needs a session, and answers 406 to a request that is not an event stream', async () => {
    expect((await b.app.inject({ method: 'GET', url: '/api/notifications/stream', headers: { accept: 'text/event-stream' } })).statusCode).toBe(401);
    const teacher = await b.login('gxsy.teacher');
    const plain = await teacher.get('/api/notifications/stream');
    expect(plain.statusCode).toBe(406);
    expect(plain.json()).toMatchObject({ code: 'EVENT_STREAM_ONLY' });
  });

  it('ends open streams when the node closes, so closing does not wait for them', async () => {
    const c = await createTestApp({ nodeOf: a, env: { REDIS_URL: a.config.redisUrl!, REDIS_PREFIX: a.config.redisPrefix } });
    await c.app.listen({ port: 0, host: '127.0.0.1' });
    const teacher = await c.login('gxsy.teacher');
    const stream = await openStream(`http://127.0.0.1:${(c.app.server.address() as AddressInfo).port}`, teacher.headers.cookie);
    await until(() => stream.text().includes(': connected'));
    const started = Date.now();
    await c.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    await stream.close();
  }, 120_000);
});
