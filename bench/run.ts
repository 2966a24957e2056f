// `npm run bench [-- suite…]`: every benchmark prints its figures as ratios against a baseline
// measured in the same run, on this machine, so numbers from different machines stay comparable.
// Suites: access (the access gate), compliance (supervision rollups; also on PostgreSQL when
// DATABASE_URL is set), lists (every list and dashboard route as each role at province scale; the
// province is kept in bench/out/), video (issue 3's lesson-video pipeline: upload, packaging,
// serving, memory, transcode; needs ffmpeg, and wrk for the serving figure). With no names, all run.
// research: issue 9's figures (lesson comments posted and read; research.bench.ts lists its parts).
// equity: issue 10's equity page for the province's month (equity.bench.ts), beside a primary-key read.
// search: issue 10's resource search over 100,000 resources (SQLite; PostgreSQL too with DATABASE_URL).
// family: issue 11's family app — a parent's home with 3 children, a notice to 50,000 families
// (fan-out beside an insert-only baseline), and the 07:30 attendance surge.
// scale: issue 13's city-day mix against 1 API node and 2 (PostgreSQL + Redis: DATABASE_URL, REDIS_URL
// or the local defaults), p95 per route and the scaling ratio, then the media cost per lesson minute.
import { benchAccessGate } from './access-gate.bench.js';
import { benchCompliance } from './compliance.bench.js';
import { benchLists } from './lists.bench.js';
import { benchVideo } from './video.bench.js';
import { benchResearch } from './research.bench.js';
import { benchEquity } from './equity.bench.js';
import { benchSearch } from './search.bench.js';
import { benchFamilyHome } from './family-home.bench.js';
import { benchFamilyNotices } from './family-notices.bench.js';
import { benchFamilyAttendance } from './family-attendance.bench.js';
import { benchLive } from './live.bench.js';
import { benchScale } from './scale.bench.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

const SUITES: Record<string, () => Promise<unknown>> = {
  access: () => benchAccessGate(seconds),
  compliance: () => benchCompliance(),
  lists: () => benchLists(),
  video: () => benchVideo(seconds),
  research: () => benchResearch(),
  equity: () => benchEquity(),
  search: () => benchSearch(),
  family: async () => {
    await benchFamilyHome();
    await benchFamilyNotices();
    await benchFamilyAttendance();
  },
  live: () => benchLive(seconds),
  scale: () => benchScale(seconds),
};

async function main() {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !SUITES[n]);
  if (unknown.length) throw new Error(`unknown bench suite ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  console.log(`Sunshine Campus benchmarks (${seconds} s per load measurement; BENCH_SECONDS to change)`);
  for (const name of names.length ? names : Object.keys(SUITES)) {
    console.log(`\n## ${name}`);
    await SUITES[name]!();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
