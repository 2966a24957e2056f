import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import Fastify from 'fastify';
import { type Browser, chromium } from 'playwright-core';
import { loadConfig } from '../../../../config.js';
import type { Db } from '../../../../db/database.js';
import type { AppInstance } from '../../../../http/app-types.js';
import { createLiveMediaEngine } from '../engine.js';
import { registerLiveMediaRoutes } from '../media.routes.js';

/**
 * The media engine and its routes in a small Fastify app, for the proof test and `npm run bench --
 * live`, until the sessions pages can carry it: the only stand-in is the signed-in viewer (every
 * request acts as a user holding live:read), everything else is real — Janus, ffmpeg, Chromium.
 */
export async function startMediaHarness(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'live-media-'));
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  const logs: string[] = [];
  const engine = createLiveMediaEngine({ config, clock: { now: () => new Date() }, mediaTokenKey: randomBytes(32).toString('base64url'), log: { info: (m) => logs.push(m), warn: (m) => logs.push(m) } });
  const app = Fastify();
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    (req as unknown as { actor: unknown }).actor = { userId: 1, permissions: new Set(['live:read']) };
  });
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, '../../../../../../web/src/features/live/media/proof-page.ts')], bundle: true, write: false, format: 'esm', platform: 'browser', target: 'chrome120', logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  app.get('/', async (_req, reply) => reply.type('text/html').send('<!doctype html><html><body><script type="module" src="/proof.js"></script></body></html>'));
  app.get('/proof.js', async (_req, reply) => reply.type('text/javascript').send(script));
  // The recorder route needs the database; the proof sends RTP where recorderTarget says instead.
  await registerLiveMediaRoutes(app as unknown as AppInstance, { db: null as unknown as Db, engine, now: () => new Date() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    engine, baseUrl, dataDir, logs,
    async close() { await app.close(); await engine.stop(); rmSync(dataDir, { recursive: true, force: true }); },
  };
}

/** Chromium as classrooms: fake camera and microphone, and WebRTC kept on loopback. */
export function launchClassroomBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required',
      '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns',
      '--no-sandbox', '--disable-gpu',
      // Every page is a classroom on screen: no timer or renderer throttling of pages Chromium thinks are hidden.
      '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
    ],
  });
}

export const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };
