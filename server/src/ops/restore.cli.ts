import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { BackupError } from './backup-manifest.js';
import { installationOf } from './installation.js';
import { restoreBackup } from './restore.js';

const USAGE = `usage: npm run restore -- <backup folder> [--objects-from URL]

Restores a backup made by \`npm run backup\` into the installation DATA_DIR / DATABASE_URL /
STORAGE_URL name, which must be empty (no database, no objects, no secrets.json: anything there is
refused, never overwritten), then verifies it: each object's SHA-256 against the manifest, the
audit chain, and every recording's source against the SHA-256 in its row.

  --objects-from URL   where the objects are when the backup was made with --objects-to
                       (STORAGE_URL syntax with credentials; the manifest keeps the URL without them)

Exit 0 when restored and verified, 1 when a check failed (each problem is printed), 2 when
nothing could be restored (a non-empty target, a damaged backup).`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'objects-from': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const r = await restoreBackup(positionals[0]!, installationOf(config), {
    objectsFrom: values['objects-from'] ?? null,
    log: (line) => console.log(line),
  });
  for (const line of r.checks) console.log(`ok    ${line}`);
  for (const line of r.problems) console.log(`FAIL  ${line}`);
  const s = r.seconds;
  console.log(`restore ${r.ok ? 'verified' : 'FAILED verification'}: backup of ${r.manifest.createdAt}, migration ${r.manifest.migration}; `
    + `database ${s.database} s, objects ${s.objects} s, verify ${s.verify} s, total ${s.total} s`);
  return r.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) console.error(`configuration error: ${err.message}`);
    else if (err instanceof BackupError) console.error(err.message);
    else console.error(`restore failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exit(2);
  },
);
