import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/src/app.js';
import { ManualClock } from '../server/src/clock.js';
import { loadConfig } from '../server/src/config.js';
import { createAppJobs } from '../server/src/composition/app-jobs.js';
import type { Db } from '../server/src/db/database.js';
import { createAppEventBus } from '../server/src/events/app-events.js';
import { hashPassword } from '../server/src/modules/auth/passwords.js';
import { addLesson, schoolIdOf, userIdOf } from '../server/src/modules/research/research.test-kit.js';
import { DEMO_PASSWORD, DEMO_SCHOOLS } from '../server/src/seed/demo-accounts.js';
import { seedCity } from '../server/src/seed/seed-city.js';
import { openObjectStore } from '../server/src/storage/storage-url.js';
import { fmt } from './support.js';
import { openBenchDb, percentile } from './bench-db.js';
import { benchResearchStAudio } from './research-st-audio.js';

/**
 * Issue 9, acceptance 7: `npm run bench -- research` runs the parts below one after another, each
 * printing its own figures against a baseline measured in the same run. A part is a function: the
 * S-T-from-audio figure (a 45-minute lesson as a multiple of real time) joins RESEARCH_PARTS as
 * one more entry, `{ name: 'st-audio', run: benchStAudio }`, from its own file.
 */
export interface ResearchBenchPart {
  name: string;
  run: () => Promise<unknown>;
}

export const RESEARCH_PARTS: ResearchBenchPart[] = [
  { name: 'comments', run: () => benchComments() },
  { name: 'st-audio', run: () => benchResearchStAudio() },
];

export async function benchResearch(parts: readonly ResearchBenchPart[] = RESEARCH_PARTS) {
  for (const part of parts) {
    console.log(`\n### research: ${part.name}`);
    await part.run();
  }
}

/** How many comments the read is measured on: one lesson's, as a busy 同课异构 gathers. */
const COMMENTS = 500;
const REPLY_SHARE = 0.2;
const AUTHORS = 30;

/**
 * One lesson of 冠县实验小学 with COMMENTS comments outside any activity (a fifth of them replies,
 * up to AUTHORS staff of the county writing, some edited) — what a principal opens — and another lesson
 * of the same teacher that comments are posted on.
 */
async function prepare(h: Db) {
  const db = h.db;
  const school = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
  const teacher = await userIdOf(db, 'gxsy.teacher');
  const county = (await db.selectFrom('schools').select('county_id').where('id', '=', school).executeTakeFirstOrThrow()).county_id;
  const staff = await db.selectFrom('role_assignments').select('user_id').distinct().where('county_id', '=', county).where('role', '!=', 'parent')
    .orderBy('user_id').limit(AUTHORS).execute();
  const authors = staff.map((s) => s.user_id);
  const read = await addLesson(db, { schoolId: school, teacherUserId: teacher, teacherName: '李晓燕', durationSeconds: 2700 });
  const posted = await addLesson(db, { schoolId: school, teacherUserId: teacher, teacherName: '李晓燕', durationSeconds: 2700 });
  const now = new Date().toISOString();
  const roots: { id: number; at: number }[] = [];
  for (let i = 0; i < COMMENTS; i++) {
    const parent = i >= 10 && i % Math.round(1 / REPLY_SHARE) === 0 ? roots[(i * 7) % roots.length]! : null;
    const at = parent ? parent.at : Math.floor((i / COMMENTS) * 2_700_000);
    const row = await db.insertInto('lesson_comments').values({
      school_id: school, group_id: read.groupId, recording_id: read.recordingId, activity_id: null, parent_id: parent?.id ?? null,
      author_user_id: authors[i % authors.length]!, at_ms: at, body: `第 ${i + 1} 条：学生小组讨论充分，教师追问到位，建议板书再留白一些。`,
      rubric_item_key: null, created_at: now, updated_at: now, deleted_at: null, deleted_by_user_id: null,
    }).returning('id').executeTakeFirstOrThrow();
    if (!parent) roots.push({ id: row.id, at });
    if (i % 25 === 0) {
      await db.insertInto('lesson_comment_edits').values({ comment_id: row.id, body_before: '初稿', edited_by_user_id: authors[i % authors.length]!, edited_at: now }).execute();
    }
  }
  return { school, read: read.recordingId, posted: posted.recordingId, authors: authors.length, replies: COMMENTS - roots.length };
}

async function measure(h: Db, iterations: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-bench-research-data-'));
  const config = loadConfig({ DATA_DIR: dataDir, STORAGE_URL: '' });
  const storage = openObjectStore({ storageUrl: null, dataDir });
  const clock = new ManualClock(new Date('2018-04-10T10:00:00+08:00'));
  const events = createAppEventBus();
  const jobs = createAppJobs({ db: h, clock, config, storage, events });
  const { app } = await buildApp({ db: h, clock, sessionIdleMinutes: 600, sessionMaxHours: 24, webDir: null, config, storage, jobs: jobs.queue, events });
  await app.ready();
  try {
    const ids = await prepare(h);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'gxsy.principal', password: DEMO_PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    const me = login.json() as { csrfToken: string };
    const headers = { cookie: `sc_session=${login.cookies.find((c) => c.name === 'sc_session')!.value}`, 'x-csrf-token': me.csrfToken };
    const timed = async (method: 'GET' | 'POST', url: string, payload?: unknown, want = 200) => {
      const t0 = performance.now();
      const res = await app.inject({ method, url, headers, payload: payload as never });
      const ms = performance.now() - t0;
      if (res.statusCode !== want) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return { ms, body: res.body };
    };
    const pkUrl = `/api/schools/${ids.school}`;
    const listUrl = `/api/research/lessons/${ids.read}/comments`;
    const postUrl = `/api/research/lessons/${ids.posted}/comments`;
    const shown = (JSON.parse((await timed('GET', listUrl)).body) as { total: number }).total;
    if (shown !== COMMENTS) throw new Error(`the list shows ${shown} comments, not ${COMMENTS}`);
    for (let i = 0; i < 5; i++) {
      await timed('GET', pkUrl);
      await timed('GET', listUrl);
    }
    // Round after round, each request once a round, so load from elsewhere falls on all alike.
    const times = { pk: [] as number[], post: [] as number[], list: [] as number[] };
    for (let round = 0; round < iterations; round++) {
      times.pk.push((await timed('GET', pkUrl)).ms);
      times.post.push((await timed('POST', postUrl, { atMs: (round * 13_000) % 2_700_000, body: `第 ${round + 1} 次评论：这里的提问可以更开放。` }, 201)).ms);
      times.list.push((await timed('GET', listUrl)).ms);
    }
    return { ids, times };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Posting a comment and reading a lesson's 500 comments, p95 beside a primary-key read of the same app. */
export async function benchComments(iterations = Number(process.env.BENCH_ITERATIONS ?? 200)) {
  // Posts go to one lesson, which takes at most the cap (2,000).
  const rounds = Math.min(iterations, 1_900);
  const targets: [string, string | undefined][] = [['sqlite', undefined]];
  if (process.env.DATABASE_URL) targets.push(['postgres', process.env.DATABASE_URL]);
  const only = process.env.BENCH_DB;
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const [name, url] of targets.filter(([n]) => !only || n === only)) {
    const started = performance.now();
    const h = await openBenchDb(url, 'research');
    try {
      await seedCity(h, { scale: 'test', passwordHash: hash });
      const { ids, times } = await measure(h, rounds);
      const pk = percentile(times.pk, 0.95);
      console.log(`lesson comments on ${name}: ${rounds} rounds, requests through the whole app (session, access, validation, queries, JSON) as a principal`);
      const pk50 = percentile(times.pk, 0.5);
      console.log(`  primary-key read (GET /api/schools/:id): p50 ${fmt(pk50, 2)} ms, p95 ${fmt(pk, 2)} ms; below, each p95 (and p50) as a multiple of that read's`);
      const line = (label: string, xs: number[]) => console.log(`  ${label.padEnd(58)} p95 ${fmt(percentile(xs, 0.95), 2)} ms (${fmt(percentile(xs, 0.95) / pk, 1)}×), `
        + `p50 ${fmt(percentile(xs, 0.5), 2)} ms (${fmt(percentile(xs, 0.5) / pk50, 1)}×)`);
      line('post a comment (the lesson\'s teacher told)', times.post);
      line(`read a lesson's ${COMMENTS} comments (${ids.replies} replies, ${ids.authors} authors)`, times.list);
    } finally {
      await h.drop();
      console.log(`  ${name} done in ${fmt((performance.now() - started) / 1000)} s`);
    }
  }
}

// Run on its own: npx tsx bench/research.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  benchResearch().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
