import type { Db } from '../db/database.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { seedDemoCalendar } from '../modules/calendar/calendar.demo-seed.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { seedCity } from './seed-city.js';

/** On first start with an empty database, seeds the Liaocheng 2018 demo city. */
export async function seedDemoIfEmpty(db: Db, log: (m: string) => void): Promise<boolean> {
  const any = await db.db.selectFrom('regions').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  log('empty database: seeding the demo city (聊城市, 2018)…');
  const summary = await seedCity(db, { scale: 'demo', passwordHash: await hashPassword(DEMO_PASSWORD), log });
  const city = await db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
  await seedDemoCalendar(db.db, city.id);
  log(`demo city seeded: ${JSON.stringify(summary)}`);
  return true;
}
