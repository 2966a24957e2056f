import { Migrator, sql, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import * as foundation from './migrations/20261129_0001_foundation.js';
import * as auditAnchor from './migrations/20261129_0002_audit_anchor.js';
import * as recordings from './migrations/20261129_0003_recordings.js';
import * as supervision from './migrations/20261129_0004_supervision.js';
import * as uploadFailures from './migrations/20261129_0005_upload_failures.js';
import * as rollout from './migrations/20261129_0006_rollout.js';
import * as reports from './migrations/20261129_0007_reports.js';
import * as supervisionWork from './migrations/20261129_0008_supervision_work.js';
import * as jobLostRuns from './migrations/20261129_0009_job_lost_runs.js';
import * as countsReasonCode from './migrations/20261129_0010_counts_reason_code.js';
import * as duplicatesVisual from './migrations/20261206_0012_duplicates_visual.js';
import * as demoCurrent from './migrations/20261206_0013_demo_current.js';
import * as calendarAdmin from './migrations/20261206_0014_calendar_admin.js';
import * as playback from './migrations/20261206_0017_playback.js';
import * as listIndexes from './migrations/20261206_0015_list_indexes.js';
import * as research from './migrations/20261206_0020_research.js';
import * as stCodings from './migrations/20261206_0024_st_codings.js';
import * as patrol from './migrations/20261206_0026_patrol.js';
import * as rubricVersions from './migrations/20261206_0023_rubric_versions.js';
import * as resources from './migrations/20261206_0030_resources.js';
import * as resourceUseRollup from './migrations/20261206_0037_resource_use_rollup.js';
import * as resourceSearch from './migrations/20261206_0033_resource_search.js';
import * as familyFoundation from './migrations/20261206_0040_family_foundation.js';
import * as familyKindergarten from './migrations/20261206_0046_family_kindergarten.js';
import * as familyBinding from './migrations/20261206_0041_family_binding.js';
import * as familyMessages from './migrations/20261206_0043_family_messages.js';
import * as familyNotices from './migrations/20261206_0042_family_notices.js';
import * as familyRoutine from './migrations/20261206_0044_family_routine.js';
import * as safety from './migrations/20261206_0047_safety.js';
import * as live from './migrations/20261206_0049_live.js';
import * as liveKg from './migrations/20261206_0051_live_kg.js';
import * as cluster from './migrations/20261206_0054_cluster.js';
import * as liveKgCamera from './migrations/20261206_0055_live_kg_camera.js';
import * as idsNeverReused from './migrations/20261207_0056_ids_never_reused.js';
import * as familyAttendance from './migrations/20261206_0045_family_attendance.js';

/**
 * Migrations run forward only, in name order, on SQLite and PostgreSQL alike. Back up the data
 * folder or database before upgrading: there are no `down` steps to undo a release.
 */
const migrations: Record<string, Migration> = {
  '20261129_0001_foundation': foundation,
  '20261129_0002_audit_anchor': auditAnchor,
  '20261129_0003_recordings': recordings,
  '20261129_0004_supervision': supervision,
  '20261129_0005_upload_failures': uploadFailures,
  '20261129_0006_rollout': rollout,
  '20261129_0007_reports': reports,
  '20261129_0008_supervision_work': supervisionWork,
  '20261129_0009_job_lost_runs': jobLostRuns,
  '20261129_0010_counts_reason_code': countsReasonCode,
  '20261206_0012_duplicates_visual': duplicatesVisual,
  '20261206_0013_demo_current': demoCurrent,
  '20261206_0014_calendar_admin': calendarAdmin,
  '20261206_0017_playback': playback,
  '20261206_0015_list_indexes': listIndexes,
  '20261206_0020_research': research,
  '20261206_0024_st_codings': stCodings,
  '20261206_0026_patrol': patrol,
  '20261206_0023_rubric_versions': rubricVersions,
  '20261206_0030_resources': resources,
  '20261206_0037_resource_use_rollup': resourceUseRollup,
  '20261206_0033_resource_search': resourceSearch,
  '20261206_0040_family_foundation': familyFoundation,
  '20261206_0046_family_kindergarten': familyKindergarten,
  '20261206_0041_family_binding': familyBinding,
  '20261206_0043_family_messages': familyMessages,
  '20261206_0042_family_notices': familyNotices,
  '20261206_0044_family_routine': familyRoutine,
  '20261206_0047_safety': safety,
  '20261206_0045_family_attendance': familyAttendance,
  '20261206_0049_live': live,
  '20261206_0051_live_kg': liveKg,
  '20261206_0054_cluster': cluster,
  '20261206_0055_live_kg_camera': liveKgCamera,
  '20261207_0056_ids_never_reused': idsNeverReused,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(handle: Db): Promise<void> {
  await migrate(handle, (migrator) => migrator.migrateToLatest());
}

/** Brings the schema to the migration `name` and no further: a migration's test starts from the schema before it. */
export async function migrateTo(handle: Db, name: string): Promise<void> {
  await migrate(handle, (migrator) => migrator.migrateTo(name));
}

async function migrate({ db, dialect }: Db, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema; name ours, or a second installation
  // (or test schema) in the same PostgreSQL database would be taken for this one.
  const migrationTableSchema = dialect === 'postgres'
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
    : undefined;
  const migrator = new Migrator({ db, provider, migrationTableSchema });
  const { error, results } = await run(migrator);
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`database migration failed${name}: ${String((error as Error).message ?? error)}`);
  }
}
