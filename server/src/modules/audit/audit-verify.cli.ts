import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../config.js';
import { openDb } from '../../db/database.js';
import { verifyAuditChain } from './audit-verify.js';

/**
 * `npm run audit:verify`: checks the audit log's hash chain in the database the server uses
 * (DATA_DIR or DATABASE_URL). Exit 0 when intact, 1 when broken, 2 when it could not check.
 * It only reads: it never migrates or creates a database.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'sunshine.sqlite'))) {
    console.error(`cannot verify: no database at ${join(config.dataDir, 'sunshine.sqlite')} (set DATA_DIR or DATABASE_URL)`);
    return 2;
  }
  const handle = openDb(config);
  try {
    const r = await verifyAuditChain(handle.db);
    if (r.ok) {
      const from = r.anchor ? ` (from row ${r.anchor.firstId}, anchored by the purge of ${r.anchor.purgedAt})` : '';
      console.log(`audit log OK: ${r.rowsChecked} rows, chain head ${r.headHash}${from}`);
      return 0;
    }
    console.log(`audit log BROKEN at row ${r.firstBadId}: ${r.detail}`);
    console.log(`(${r.rowsChecked} rows verified before it; chain head names row ${r.headId} with hash ${r.headHash})`);
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? `configuration error: ${err.message}` : `cannot verify: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
