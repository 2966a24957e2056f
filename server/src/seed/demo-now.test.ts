import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, shanghaiDate } from '../../../shared/dates.js';
import { resolveFfmpegBinaries } from '../media/ffmpeg-binaries.js';
import { hlsMasterKey, sharedMediaKey } from '../storage/keys.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { createTestDb } from '../test-support/test-db.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { demoClipName, demoRowsWithoutVideo, ensureDemoMedia } from './demo-media.js';
import { startDemoRecorders } from './demo-recorders.js';
import { lastTermDay, termOn, termsAround } from './demo-school-year.js';
import { seedDemoIfEmpty } from './seed-on-start.js';

const quiet = { info() {}, warn() {} };
const noLog = () => {};

describe('the demo\'s school year follows the day it starts', () => {
  it.each([
    ['2026-12-06', '2026—2027学年第一学期'], // a Sunday in the autumn term
    ['2027-03-15', '2026—2027学年第二学期'],
    ['2027-06-30', '2026—2027学年第二学期'],
    ['2031-10-08', '2031—2032学年第一学期'],
  ])('%s falls in %s', (today, name) => {
    expect(termOn(termsAround(today), today)?.name).toBe(name);
    expect(lastTermDay(termsAround(today), today)).toBe(today);
  });

  it.each([
    ['2029-08-01', '2029-06-29'], // summer: the spring term's last Friday
    ['2027-02-01', '2027-01-22'], // winter: the autumn term's last Friday before the Spring Festival
  ])('in a break (%s) the last term day is %s', (today, last) => {
    expect(termOn(termsAround(today), today)).toBeNull();
    expect(lastTermDay(termsAround(today), today)).toBe(last);
  });

  it('never overlaps one term with another, and starts the spring term after the Spring Festival', () => {
    for (const today of ['2026-12-06', '2029-08-01', '2035-01-10']) {
      const terms = [...termsAround(today)].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
      for (const [i, t] of terms.entries()) {
        expect(t.startsOn < t.endsOn).toBe(true);
        if (i) expect(terms[i - 1]!.endsOn < t.startsOn).toBe(true);
      }
    }
    const [autumn, spring] = termsAround('2026-12-06').slice(2);
    expect(autumn!.endsOn < '2027-02-06' && '2027-02-06' < spring!.startsOn).toBe(true); // 春节 2027-02-06
  });
});

describe('the demo city started on a school day (Monday 2027-03-15, 10:30)', () => {
  let t: TestApp;
  const now = new Date('2027-03-15T10:30:00+08:00');
  const today = '2027-03-15';

  beforeAll(async () => {
    t = await createTestApp({ now, seed: (db, clock) => seedDemoIfEmpty(db, noLog, { clock }) });
  }, 300_000);
  afterAll(async () => t?.close());

  it('has this school year\'s terms beside the 2018 ones, and its dashboards have figures for today and this month', async () => {
    const terms = await t.db.db.selectFrom('school_terms').select(['name', 'starts_on', 'ends_on']).execute();
    expect(terms.map((x) => x.name)).toContain('2017—2018学年第二学期');
    expect(terms.some((x) => x.starts_on <= today && today <= x.ends_on)).toBe(true);

    const research = await t.login('guanxian.research');
    const countyId = (await t.db.db.selectFrom('regions').select('id').where('name', '=', '冠县').executeTakeFirstOrThrow()).id;
    const dashboard = (await research.get(`/api/dashboards/counties/${countyId}`)).json();
    expect(dashboard.asOf).toBe(today);
    expect(dashboard.kpis.day.schoolDays).toBeGreaterThan(0);
    expect(dashboard.kpis.month.schoolDays).toBeGreaterThan(dashboard.kpis.day.schoolDays);
    expect(dashboard.kpis.month.metDays).toBeGreaterThan(0);
    expect(dashboard.kpis.month.missedDays).toBeGreaterThan(0);
  });

  it('shows the spread a bureau sees: most schools meet the quota, some fall short, a few record nothing', async () => {
    const days = await t.db.db.selectFrom('compliance_days').select(['school_id', 'met', 'counted'])
      .where('school_day', '=', 1).where('day', '>=', addDays(today, -27)).where('day', '<', today).execute();
    const bySchool = new Map<number, { met: number; days: number; counted: number }>();
    for (const d of days) {
      const s = bySchool.get(d.school_id) ?? { met: 0, days: 0, counted: 0 };
      bySchool.set(d.school_id, { met: s.met + d.met, days: s.days + 1, counted: s.counted + d.counted });
    }
    const rates = [...bySchool.values()].map((s) => s.met / s.days);
    expect(bySchool.size).toBeGreaterThan(80);
    expect(rates.filter((r) => r >= 0.8).length / rates.length).toBeGreaterThan(0.6);
    expect(rates.filter((r) => r > 0 && r < 0.7).length).toBeGreaterThan(5);
    expect([...bySchool.values()].filter((s) => s.counted === 0).length).toBeGreaterThan(0);
    // Nothing recorded after now: today's lessons are the morning's.
    const later = await t.db.db.selectFrom('recordings').select('id').where('lesson_end', '>', now.toISOString()).execute();
    expect(later).toHaveLength(0);
  });

  it('gives every school marked 已建成录播室 a room with a recorder and a timetable, dated as its rollout', async () => {
    const built = await t.db.db.selectFrom('rollout_schools').select('school_id').where('built', '=', 1).execute();
    expect(built.length).toBeGreaterThan(50);
    const rooms = await t.db.db.selectFrom('rooms').select(['id', 'school_id', 'status', 'installed_on', 'activated_on']).execute();
    const devices = await t.db.db.selectFrom('devices').select(['room_id', 'last_heartbeat_at']).execute();
    const lessons = await t.db.db.selectFrom('room_timetable').select('room_id').distinct().execute();
    const withDevice = new Set(devices.map((d) => d.room_id));
    const withTimetable = new Set(lessons.map((l) => l.room_id));
    for (const { school_id } of built) {
      const own = rooms.filter((r) => r.school_id === school_id);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.some((r) => withDevice.has(r.id) && withTimetable.has(r.id))).toBe(true);
    }
    expect(rooms.length).toBeGreaterThan(built.length); // the bigger schools have two
    const activated = await t.db.db.selectFrom('rollout_milestones').select(['school_id', 'done_on'])
      .where('milestone', '=', 'activated').where('done_on', 'is not', null).execute();
    for (const a of activated) {
      expect(rooms.filter((r) => r.school_id === a.school_id).every((r) => r.activated_on === a.done_on && r.status !== 'installed')).toBe(true);
    }

    const research = await t.login('guanxian.research');
    const list = (await research.get('/api/rooms?pageSize=100')).json();
    expect(list.total).toBeGreaterThan(0);
    const operating = list.items.filter((r: { status: string }) => r.status === 'activated' || r.status === 'in_use');
    const online = operating.filter((r: { connectivity: string }) => r.connectivity === 'online');
    expect(online.length).toBeGreaterThan(operating.length / 2);
  });

  it('opens the principal\'s patrol wall on today\'s lessons, unpatrolled, and the statistics on the weeks\' patrols', async () => {
    const principal = await t.login('gxsy.principal');
    const wall = (await principal.get('/api/patrol/wall')).json();
    expect(wall.day).toBe(today);
    expect(wall.total).toBeGreaterThan(0);
    expect(wall.items.every((l: { mine: unknown }) => l.mine === null)).toBe(true);
    const stats = (await principal.get('/api/patrol/stats')).json();
    expect(stats.term.startsOn <= today && today <= stats.term.endsOn).toBe(true);
    expect(stats.totals.patrols).toBeGreaterThan(5);
    const county = (await (await t.login('guanxian.inspector')).get('/api/patrol/stats')).json();
    expect(county.schools.length).toBeGreaterThan(3);
    expect(county.totals.patrollers).toBeGreaterThanOrEqual(2);
  });

  it('keeps the demo recorders left online beating while the server runs, and the offline ones silent', async () => {
    const later = new Date(now.getTime() + 3 * 3_600_000);
    const before = await t.db.db.selectFrom('devices').select(['id', 'last_state', 'last_heartbeat_at']).execute();
    const stop = startDemoRecorders({ db: t.db, clock: { now: () => later }, log: { warn() {} } });
    try {
      await vi.waitFor(async () => {
        const beat = await t.db.db.selectFrom('devices').select('id').where('last_heartbeat_at', '=', later.toISOString()).execute();
        expect(beat.length).toBe(before.filter((d) => d.last_state !== null).length);
      });
    } finally {
      stop();
    }
    const silent = before.filter((d) => d.last_state === null);
    expect(silent.length).toBeGreaterThan(0);
    const after = new Map((await t.db.db.selectFrom('devices').select(['id', 'last_heartbeat_at']).execute()).map((d) => [d.id, d.last_heartbeat_at]));
    for (const d of silent) expect(after.get(d.id)).toBe(d.last_heartbeat_at);
  });

  it('shows demo lessons as records without video until their clips exist, then every ready one plays', async () => {
    const teacher = await t.login('gxsy.teacher');
    const before = (await teacher.get('/api/recordings?pageSize=5')).json();
    expect(before.items.length).toBeGreaterThan(0);
    expect(before.items.every((r: { hasVideo: boolean }) => !r.hasVideo)).toBe(true);
    expect((await teacher.request('POST', `/api/recordings/${before.items[0].id}/playback`)).statusCode).toBe(409);

    // A lesson brought over from an older system (a real hash) stays without video.
    const { id: _id, ...model } = await t.db.db.selectFrom('recordings').selectAll().where('group_id', 'like', 'history-%').executeTakeFirstOrThrow();
    const imported = await t.db.db.insertInto('recordings').values({ ...model, group_id: 'history-imported-1', sha256: 'ab'.repeat(32) })
      .returning('id').executeTakeFirstOrThrow();
    // Without ffmpeg (a machine without it: an FFMPEG_PATH that names nothing) they stay so, and the log says why.
    const said: string[] = [];
    const missing = () => resolveFfmpegBinaries({ ffmpegPath: join(t.config.dataDir, 'no-ffmpeg') });
    expect(await ensureDemoMedia({
      db: t.db, store: t.storage, workDir: join(t.config.dataDir, 'work'), binaries: missing, log: { info: () => {}, warn: (m) => said.push(m) },
    })).toBe(0);
    expect(said.join('\n')).toMatch(/仅课程记录.*ffmpeg/s);
    expect((await teacher.get('/api/recordings?pageSize=5')).json().items.every((r: { hasVideo: boolean }) => !r.hasVideo)).toBe(true);

    const made = await ensureDemoMedia({ db: t.db, store: t.storage, workDir: join(t.config.dataDir, 'work'), log: quiet });
    expect(made).toBeGreaterThan(3000);
    expect(await demoRowsWithoutVideo(t.db)).toBe(0);
    expect(await ensureDemoMedia({ db: t.db, store: t.storage, workDir: join(t.config.dataDir, 'work'), log: quiet })).toBe(0);
    const unplayable = await t.db.db.selectFrom('recordings').select('id')
      .where('status', '=', 'ready').where('source_key', '=', '').where('media_prefix', 'is', null).execute();
    expect(unplayable).toEqual([{ id: imported.id }]);
    const shared = await t.db.db.selectFrom('recordings').select('media_prefix').distinct()
      .where('status', '=', 'ready').where('media_prefix', 'is not', null).execute();
    expect(shared.length).toBeGreaterThanOrEqual(4);
    for (const { media_prefix } of shared) {
      expect(await t.storage.head(`${media_prefix}hls/master.m3u8`)).not.toBeNull();
    }

    const school = await t.db.db.selectFrom('schools').select('id').where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirstOrThrow();
    const oldLesson = (await teacher.get(`/api/recordings?schoolId=${school.id}&to=2018-04-04&pageSize=1`)).json().items[0];
    const newLesson = (await teacher.get(`/api/recordings?schoolId=${school.id}&from=2027-03-01&pageSize=1`)).json().items[0];
    for (const lesson of [oldLesson, newLesson]) {
      expect(lesson.hasVideo).toBe(true);
      const play = await teacher.request('POST', `/api/recordings/${lesson.id}/playback`);
      expect(play.statusCode).toBe(200);
      const master = await teacher.get(play.json().master);
      expect(master.statusCode).toBe(200);
      expect(master.body).toContain('#EXTM3U');
      const rendition = master.body.split('\n').find((l) => l.endsWith('.m3u8'))!;
      const base = play.json().master.replace(/master\.m3u8$/, '');
      const playlist = await teacher.get(base + rendition);
      expect(playlist.body).toContain('#EXT-X-ENDLIST');
      const segment = playlist.body.split('\n').find((l) => l && !l.startsWith('#'))!;
      const bytes = await teacher.get(base + rendition.replace(/[^/]+$/, '') + segment);
      expect(bytes.statusCode).toBe(200);
      expect(bytes.rawPayload.length).toBeGreaterThan(1000);
    }
    // 冠县实验小学's first room records four tracks; a recent lesson there plays each.
    const screen = await t.db.db.selectFrom('recordings').select('id')
      .where('school_id', '=', school.id).where('track', '=', 'screen').executeTakeFirstOrThrow();
    expect((await teacher.request('POST', `/api/recordings/${screen.id}/playback`)).json().tracks).toHaveLength(4);
  }, 120_000);

  it('keeps the shared clips when retention purges the demo lessons that play them', async () => {
    // A few lessons of each track kind are left to retention (purging all thousands is slow and tells no more).
    const doomed = (await Promise.all((['composite', 'teacher', 'blackboard'] as const).map((track) => t.db.db.selectFrom('recordings')
      .select('id').where('group_id', 'like', 'recent-%').where('track', '=', track).orderBy('id').limit(3).execute()))).flat().map((r) => r.id);
    await t.db.db.updateTable('recordings').set({ keep: 1 }).where('group_id', 'like', 'recent-%').where('id', 'not in', doomed).execute();
    t.clock.set(new Date(now.getTime() + 400 * 86_400_000));
    const { recordingsPurged } = await t.services.recordings!.purgeExpired();
    expect(recordingsPurged).toBe(doomed.length);
    for (const track of ['composite', 'teacher', 'blackboard'] as const) {
      expect(await t.storage.head(sharedMediaKey(demoClipName(track), hlsMasterKey))).not.toBeNull();
    }
    // The 2018 lessons are kept and still play.
    t.clock.set(now);
    const teacher = await t.login('gxsy.teacher');
    const lesson = (await teacher.get('/api/recordings?to=2018-04-04&pageSize=1')).json().items[0];
    const play = await teacher.request('POST', `/api/recordings/${lesson.id}/playback`);
    expect((await teacher.get(play.json().master)).statusCode).toBe(200);
  });
});

describe('the demo city started in the summer break (2029-08-01)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
    await seedDemoIfEmpty(db, noLog, { clock: { now: () => new Date('2029-08-01T09:00:00+08:00') } });
  }, 300_000);
  afterAll(() => db?.dropAll());

  it('shows the last four weeks of the spring term, up to its last day', async () => {
    const last = await db.db.selectFrom('recordings').select((eb) => eb.fn.max('school_day').as('day'))
      .where('group_id', 'like', 'recent-%').executeTakeFirstOrThrow();
    expect(last.day).toBe('2029-06-29');
    const days = await db.db.selectFrom('compliance_days').select('day').distinct()
      .where('school_day', '=', 1).where('day', '>=', '2029-06-02').execute();
    expect(days.length).toBeGreaterThanOrEqual(18);
    expect(days.every((d) => d.day <= '2029-06-29')).toBe(true);
    expect(shanghaiDate(new Date('2029-08-01T09:00:00+08:00'))).toBe('2029-08-01');
  });
});

describe('the demo city started on a Sunday in term (2026-12-06)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
    await seedDemoIfEmpty(db, noLog, { clock: { now: () => new Date('2026-12-06T15:00:00+08:00') } });
  }, 300_000);
  afterAll(() => db?.dropAll());

  it('has figures up to Friday and for the month so far; Sunday itself is no school day', async () => {
    const days = await db.db.selectFrom('compliance_days').select(['day']).select((eb) => eb.fn.countAll<number>().as('n'))
      .where('school_day', '=', 1).where('day', '>=', '2026-12-01').groupBy('day').orderBy('day').execute();
    expect(days.map((d) => d.day)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(days.every((d) => Number(d.n) > 80)).toBe(true);
  });
});
