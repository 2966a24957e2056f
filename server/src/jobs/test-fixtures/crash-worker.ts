import { systemClock } from '../../clock.js';
import { createJobRunner } from '../job-runner.js';
import { buildJobRegistry } from '../registry.js';
import { type DbLocation, openDbAt } from './db-location.js';
import { markerJob } from './marker-job.js';

// Run by jobs.test.ts as `node --import tsx crash-worker.ts '<json>'`: a runner that takes the
// marker job, holds it for a minute with live heartbeats, and is killed with SIGKILL meanwhile.
const args = JSON.parse(process.argv[2]!) as { db: DbLocation; dir: string; leaseMs: number };
const db = openDbAt(args.db);
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
const runner = createJobRunner({
  db, clock: systemClock, registry: buildJobRegistry([markerJob({ dir: args.dir, holdMs: 60_000 })]),
  log: silent, workerId: `crash-worker:${process.pid}`, leaseMs: args.leaseMs, pollMs: 20,
});
runner.start();
