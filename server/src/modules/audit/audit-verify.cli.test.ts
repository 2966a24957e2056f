import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { openDb } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createAuditService } from './audit.service.js';

const CLI = join(process.cwd(), 'server/src/modules/audit/audit-verify.cli.ts');
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

function runCli(dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  // Always SQLite in a temporary DATA_DIR, even when the suite itself runs on PostgreSQL.
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
  return new Promise((resolve) => {
    execFile(TSX, [CLI], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run audit:verify', () => {
  let dir: string;
  let headHash: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sunshine-audit-cli-'));
    const handle = openDb({ databaseUrl: null, dataDir: dir });
    await migrateToLatest(handle);
    const audit = createAuditService({ db: handle, clock: new ManualClock() });
    for (let i = 0; i < 6; i++) {
      await audit.record({ actor: { userId: 1, name: '审计测试' }, action: 'test.cli', targetId: i, result: 'success', ip: '10.1.1.1' });
    }
    headHash = (await handle.db.selectFrom('audit_chain').select('last_hash').executeTakeFirstOrThrow()).last_hash;
    await handle.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints OK with the row count and chain head, and exits 0', async () => {
    const r = await runCli(dir);
    expect(r.stdout.trim()).toBe(`audit log OK: 6 rows, chain head ${headHash}`);
    expect(r.code).toBe(0);
  });

  it('exits 1 and names the edited row', async () => {
    const handle = openDb({ databaseUrl: null, dataDir: dir });
    await sql`update audit_log set actor_name = 'x' where id = 4`.execute(handle.db);
    await handle.close();
    const r = await runCli(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^audit log BROKEN at row 4: row was edited \(stored hash [0-9a-f]{64} ≠ computed [0-9a-f]{64}\)/);
  });

  it('exits 2 when there is no database to check', async () => {
    const r = await runCli(join(dir, 'nowhere'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no database');
  });
});
