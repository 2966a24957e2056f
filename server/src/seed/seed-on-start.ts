import type { Db } from '../db/database.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { seedDemoCalendar } from '../modules/calendar/calendar.demo-seed.js';
import { seedDemoRollout } from './rollout.demo-seed.js';
import { seedDemoBulletins } from './bulletins.demo-seed.js';
import { seedDemoInspections } from './inspections.demo-seed.js';
import { seedDemoReports } from './reports.demo-seed.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { seedDemoHistory } from './demo-history.js';
import { seedCity } from './seed-city.js';

/** On first start with an empty database, seeds the Liaocheng 2018 demo city. */
export async function seedDemoIfEmpty(db: Db, log: (m: string) => void): Promise<boolean> {
  const any = await db.db.selectFrom('regions').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  log('empty database: seeding the demo city (聊城市, 2018)…');
  const summary = await seedCity(db, { scale: 'demo', passwordHash: await hashPassword(DEMO_PASSWORD), log });
  const city = await db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
  await seedDemoCalendar(db.db, city.id);
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
  log(`demo city seeded: ${JSON.stringify(summary)}`);
  return true;
}
