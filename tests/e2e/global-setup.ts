import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { demoStartUpDone, freePort, portBlock, startDemoServer } from './support/demo-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the server this run started. */
    baseUrl: string;
    /** DATA_DIR of that server ('' when E2E_BASE_URL names a server run elsewhere). */
    dataDir: string;
  }
}

const root = new URL('../..', import.meta.url).pathname;

/**
 * Builds what is missing, starts the built server on a free port with a fresh demo database,
 * and stops it after the run.
 */
export default async function setup(project: TestProject) {
  // E2E_BASE_URL=http://127.0.0.1:8080 runs the tests against a server already running (while
  // developing); that server's data is then changed by the tests.
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    project.provide('dataDir', '');
    return;
  }
  // Builds what is missing or older than its sources, as `npm start` does.
  const build = spawnSync(process.execPath, [join(root, 'scripts/build-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the server or the web app failed');

  // Live classes (tests/e2e/live-class.test.ts) run two-way through the Janus this server starts
  // and supervises (LIVE_MEDIA=hls for a run without it); its loopback ports and the RTP port blocks
  // are this run's own, so a run beside another (or a developer's server) does not talk to the other's Janus.
  const server = await startDemoServer({
    LIVE_MEDIA: process.env.LIVE_MEDIA || 'janus', JANUS_HTTP_PORT: String(await freePort()), JANUS_WS_PORT: String(await freePort()),
    JANUS_RTP_PORTS: portBlock(40000, 45000, 100), LIVE_RTP_PORTS: portBlock(45000, 50000, 100),
  });
  project.provide('baseUrl', server.baseUrl);
  project.provide('dataDir', server.dataDir);
  const started = Date.now();
  const quiet = await demoStartUpDone(server.dataDir);
  console.log(quiet ? `e2e: the demo server's start-up work ended ${Math.round((Date.now() - started) / 1000)} s after it answered`
    : 'e2e: the demo server was still busy with its start-up work after 240 s; the tests start anyway');

  return server.stop;
}
