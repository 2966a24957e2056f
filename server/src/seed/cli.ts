import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../config.js';
import { type Db, openDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { type SeedScale, seedCity } from './seed-city.js';

const USAGE = `usage: npm run seed -- [--scale demo|province|test] [--seed N] [--reset]

  --scale   demo (default): 聊城市 with its 630 programme schools;
            province: 16 Shandong cities, 15,000 schools, ~300,000 staff accounts;
            test: the small city of the integration tests
  --seed    a whole number; the same seed gives the same data (default 20180404)
  --reset   wipe the database first (SQLite: delete the file; PostgreSQL: empty every table)

Reads DATA_DIR (default ./data) and DATABASE_URL (unset: SQLite in DATA_DIR) as the server does.
Every seeded account has the password ${DEMO_PASSWORD}.`;

// Every table of schema.ts, so that adding a table without deciding its reset fails to compile.
// The audit chain goes back to its genesis row, as the foundation migration writes it.
const RESET: Record<keyof Database, 'truncate' | 'genesis'> = {
  regions: 'truncate', departments: 'truncate', schools: 'truncate', grades: 'truncate', classes: 'truncate',
  users: 'truncate', role_assignments: 'truncate', students: 'truncate', guardianships: 'truncate', class_staff: 'truncate',
  pickup_persons: 'truncate', pickup_one_offs: 'truncate', kindergarten_arrivals: 'truncate', kindergarten_pickups: 'truncate',
  pickup_refusals: 'truncate', health_checks: 'truncate', medications: 'truncate', medication_doses: 'truncate',
  sessions: 'truncate', audit_log: 'truncate', audit_anchor: 'truncate', audit_chain: 'genesis',
  rooms: 'truncate', devices: 'truncate', room_timetable: 'truncate', room_alerts: 'truncate', uploads: 'truncate',
  recordings: 'truncate', jobs: 'truncate',
  school_terms: 'truncate', calendar_overrides: 'truncate', quota_rules: 'truncate', compliance_tracking: 'truncate',
  compliance_days: 'truncate', compliance_county_days: 'truncate',
  public_days: 'truncate',
  rollout_batches: 'truncate', rollout_batch_targets: 'truncate', rollout_deadlines: 'truncate', rollout_schools: 'truncate', rollout_milestones: 'truncate',
  report_settings: 'truncate', reports: 'truncate', report_events: 'truncate',
  inspections: 'truncate', inspection_follow_ups: 'truncate', notifications: 'truncate', bulletins: 'truncate', bulletin_subjects: 'truncate',
  research_groups: 'truncate', research_group_members: 'truncate', research_activities: 'truncate', research_activity_schools: 'truncate',
  research_activity_members: 'truncate', research_activity_lessons: 'truncate', research_activity_files: 'truncate', room_bookings: 'truncate',
  lesson_comments: 'truncate', lesson_comment_edits: 'truncate', observation_rubrics: 'truncate', observation_scores: 'truncate',
  st_codings: 'truncate', st_audio_drafts: 'truncate', patrols: 'truncate',
  resources: 'truncate', resource_files: 'truncate', resource_reviews: 'truncate', resource_uses: 'truncate',
  resource_favourites: 'truncate', resource_ratings: 'truncate', resource_comments: 'truncate',
  student_consents: 'truncate', student_consent_changes: 'truncate',
  // The equity rollup is derived: emptied, it rebuilds itself on the next read (equity-rollup.ts).
  resource_use_rollup_state: 'truncate', resource_use_school_months: 'truncate', resource_use_county_flows: 'truncate', resource_use_featured: 'truncate',
  resource_search: 'truncate',
  binding_codes: 'truncate', binding_requests: 'truncate', binding_failures: 'truncate',
  family_conversations: 'truncate', family_messages: 'truncate', family_message_reads: 'truncate', family_message_reports: 'truncate', family_working_hours: 'truncate',
  notices: 'truncate', notice_classes: 'truncate', notice_deliveries: 'truncate', notice_delivery_children: 'truncate', notice_attachments: 'truncate',
  class_timetable: 'truncate', homework: 'truncate',
  safety_school_areas: 'truncate', safety_checks: 'truncate', safety_hazards: 'truncate', safety_hazard_photos: 'truncate', safety_drills: 'truncate',
  attendance_days: 'truncate', leave_requests: 'truncate', attendance_settings: 'truncate', attendance_alert_runs: 'truncate', attendance_gates: 'truncate',
  live_kg_rooms: 'truncate', live_kg_windows: 'truncate', live_kg_views: 'truncate',
  live_classes: 'truncate', live_class_rooms: 'truncate', live_sessions: 'truncate', live_events: 'truncate', live_attendance: 'truncate',
  // A reset database generates new secrets on the next start (SQLite's reset deletes the file anyway).
  platform_secrets: 'truncate', cluster_leases: 'truncate',
};

class UsageError extends Error {}

function parse(argv: string[]): { scale: SeedScale; seed: number | undefined; reset: boolean; help: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { scale: { type: 'string', default: 'demo' }, seed: { type: 'string' }, reset: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const scale = values.scale as SeedScale;
  if (!['demo', 'province', 'test'].includes(scale)) throw new UsageError(`--scale must be demo, province or test, got ${scale}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, got ${values.seed}`);
  return { scale, seed, reset: values.reset, help: values.help };
}

/** PostgreSQL: TRUNCATE … CASCADE is FK-safe in one statement and also empties later tables that point at these. */
async function emptyPostgres(db: Db): Promise<void> {
  const tables = Object.entries(RESET).filter(([, how]) => how === 'truncate').map(([table]) => sql.table(table));
  await sql`truncate table ${sql.join(tables)} restart identity cascade`.execute(db.db);
  await db.db.updateTable('audit_chain').set({ last_hash: '0'.repeat(64), last_id: 0 }).where('id', '=', 1).execute();
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const where = config.databaseUrl ? config.databaseUrl.replace(/\/\/[^@/]*@/, '//…@') : join(config.dataDir, 'sunshine.sqlite');
  if (args.reset && !config.databaseUrl) {
    // The file name openDb uses by default; -wal and -shm would otherwise replay old pages into the new file.
    const file = join(config.dataDir, 'sunshine.sqlite');
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    console.log(`reset: deleted ${file}`);
  }
  const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(db);
    if (args.reset && config.databaseUrl) {
      await emptyPostgres(db);
      console.log(`reset: emptied every table of ${where}`);
    }
    const regions = await db.db.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const users = await db.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(regions.n) > 0 || Number(users.n) > 0) {
      throw new UsageError(`${where} already holds data (${regions.n} regions, ${users.n} users); add --reset to wipe it and seed again`);
    }
    console.log(`seeding scale ${args.scale} into ${where}…`);
    const summary = await seedCity(db, {
      scale: args.scale, seed: args.seed, passwordHash: await hashPassword(DEMO_PASSWORD), log: (m) => console.log(`  ${m}`),
    });
    console.table(summary.counts);
    console.log(`seeded in ${(summary.ms / 1000).toFixed(1)} s (seed ${summary.seed}).`);
    console.log(`log in as sysadmin, city.admin, guanxian.admin, gxsy.principal, gxsy.teacher, gxsy.parent … with password ${DEMO_PASSWORD}`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof ConfigError) {
    console.error(`seed: ${err.message}`);
    if (err instanceof UsageError) console.error(`\n${USAGE}`);
    process.exit(2);
  }
  console.error('seed failed:', err);
  process.exit(1);
});
