import { shanghaiDate } from '../../../shared/dates.js';
import { type Clock, systemClock } from '../clock.js';
import type { Db } from '../db/database.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { DEMO_TERMS, seedDemoCalendar } from '../modules/calendar/calendar.demo-seed.js';
import { seedDemoRollout } from './rollout.demo-seed.js';
import { seedDemoBulletins } from './bulletins.demo-seed.js';
import { seedDemoInspections } from './inspections.demo-seed.js';
import { seedDemoReports } from './reports.demo-seed.js';
import { seedDemoRubricScores, seedDemoRubrics } from './demo-rubrics.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { seedDemoHistory } from './demo-history.js';
import { seedRecentHistory } from './demo-recent-history.js';
import { seedDemoResearch } from './demo-research.js';
import { seedDemoRooms } from './demo-rooms.js';
import { seedDemoPatrols } from './demo-patrol.js';
import { seedCurrentTerms } from './demo-school-year.js';
import { seedCity } from './seed-city.js';
import { seedDemoSt } from './st.demo-seed.js';
import { seedDemoResearchAnalysis } from './demo-research-analysis.js';
import { seedDemoConsent } from './demo-consent.js';
import { seedDemoResources } from './demo-resources.js';
import { seedDemoSafety } from './demo-safety.js';
import { seedDemoLive } from './demo-live.js';
import { seedDemoLiveKg } from './demo-live-kg.js';

/**
 * On first start with an empty database, seeds the Liaocheng demo city: the 2018 programme as the
 * bureau saw it on 2018-04-04, and the current school year around the day of the first start
 * (its terms, the recording rooms, the last weeks of lessons), so "today" shows data on any date.
 */
export async function seedDemoIfEmpty(db: Db, log: (m: string) => void, opts: { clock?: Clock } = {}): Promise<boolean> {
  const clock = opts.clock ?? systemClock;
  const any = await db.db.selectFrom('regions').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  log('empty database: seeding the demo city (聊城市, 2018 and this school year)…');
  const summary = await seedCity(db, { scale: 'demo', passwordHash: await hashPassword(DEMO_PASSWORD), log });
  const city = await db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
  await seedDemoCalendar(db.db, city.id);
  const now = clock.now();
  const currentTerms = await seedCurrentTerms(db.db, city.id, shanghaiDate(now), now);
  await seedDemoRollout(db.db, city.id);
  // The spring term's counted lessons and their compliance, from the schools the rollout activated.
  const historyStarted = performance.now();
  const history = await seedDemoHistory(db, city.id);
  log(`demo history: ${history.recordings} lessons at ${history.schools} schools in ${Math.round(performance.now() - historyStarted)} ms`);
  // Last: the March bulletin reads the compliance the demo history has made.
  await seedDemoInspections(db.db);
  await seedDemoBulletins(db, city.id);
  // The counties' March reports, pre-filled from the history and the rollout above.
  await seedDemoReports(db, city.id);
  // Now: the built schools' rooms, and the last weeks of lessons in them up to today.
  const recentStarted = performance.now();
  const rooms = await seedDemoRooms(db.db, city.id, now);
  const recent = await seedRecentHistory(db, city.id, { clock, terms: [...DEMO_TERMS, ...currentTerms], rooms });
  // Research over the recent lessons, so 教研分析 has figures (and schools that took part in nothing).
  if (recent) log(`demo research: ${JSON.stringify(await seedDemoResearchAnalysis(db.db, recent, now))}`);
  log(`demo now: ${rooms.length} rooms; ${recent ? `${recent.recordings} recordings at ${recent.schools} schools from ${recent.from} to ${recent.to}` : 'no term before today'} in ${Math.round(performance.now() - recentStarted)} ms`);
  // S-T codings of the activities' lessons and of two recent lessons, once both exist.
  const st = await seedDemoSt(db.db, now);
  log(`demo S-T: ${st.codings} codings`);
  // Class patrols over those weeks (not today: the wall opens unpatrolled).
  if (recent) log(`demo patrols: ${await seedDemoPatrols(db, { from: recent.from, today: shanghaiDate(now) })}`);
  // Research groups (冠县's 名师工作室 and 冠县实验小学's 教研组) with their activities; a city 同课异构 if none is there yet.
  const research = await seedDemoResearch(db.db, { clock });
  log(`demo research groups: ${research.groups} groups, ${research.activities} activities with ${research.lessons} lessons`);
  // Observation rubrics (课堂观察量表), and scores for the demo's research activities, where there are any.
  const [cityRubric] = await seedDemoRubrics(db.db);
  if (cityRubric) await seedDemoRubricScores(db.db, cityRubric);
  // Guardians' consent for children on video: most demo classes city-wide, one capped at county.
  log(`demo consent: ${JSON.stringify(await seedDemoConsent(db.db, now))}`);
  // The shared-resource library (优质资源) and six months of its use, for review queues and 均衡分析.
  log(`demo resources: ${JSON.stringify(await seedDemoResources(db.db, city.id, now))}`);
  // 平安校园: 冠县's patrols, hazards (some overdue and escalated) and drills, so the county's page has figures.
  log(`demo safety: ${JSON.stringify(await seedDemoSafety(db.db, now))}`);
  // 互动教学: a weekly 专递课堂 from 冠县实验小学 to two village schools, on today's weekday.
  log(`demo live: ${JSON.stringify(await seedDemoLive(db.db, now))}`);
  // 园所直播: 冠县第一幼儿园's activity room of gxyey.parent's class, weekday mornings.
  log(`demo live view: ${JSON.stringify(await seedDemoLiveKg(db.db, now))}`);
  log(`demo city seeded: ${JSON.stringify(summary)}`);
  return true;
}
