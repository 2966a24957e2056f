import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { BackupError } from './backup-manifest.js';
import { createBackup } from './backup.js';
import { installationOf } from './installation.js';

const USAGE = `usage: npm run backup -- [--out DIR] [--objects-to URL] [--previous DIR] [--link]

Backs up the installation DATA_DIR / DATABASE_URL / STORAGE_URL name, while the server runs:
the database (SQLite online backup, or pg_dump --format=custom), every object with its SHA-256,
and DATA_DIR/secrets.json, into DIR/sunshine-<UTC time>/ (default DIR: BACKUP_DIR or ./backups).

  --out DIR          where the backup folder goes
  --objects-to URL   copy objects to another bucket or prefix (STORAGE_URL syntax) instead of DIR
  --previous DIR     an earlier backup on the same filesystem, or \`latest\` (the newest in --out):
                     unchanged objects are hard-linked from it instead of copied, so a nightly
                     backup costs only the new lessons (each backup folder is still complete)
  --link             disk storage on the same filesystem: hard-link objects instead of copying
                     (fast, but the backup then shares the disk with the data)

Exit 0 when the backup is complete, 1 when it failed (nothing is left but a removed .partial).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' }, 'objects-to': { type: 'string' }, previous: { type: 'string' }, link: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const { dir, manifest } = await createBackup(installationOf(config), {
    outDir: values.out ?? process.env.BACKUP_DIR ?? './backups',
    objectsTo: values['objects-to'] ?? null,
    previous: values.previous ?? null,
    link: values.link ?? false,
    log: (line) => console.log(line),
  });
  const c = manifest.counts;
  console.log(`${dir}: ${manifest.database.kind} at migration ${manifest.migration}; ${c.recordings} recordings, ${c.audit_log} audit rows, ${c.objects} objects (${c.objectBytes} bytes) in ${manifest.seconds.total} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) console.error(`configuration error: ${err.message}`);
    else if (err instanceof BackupError) console.error(`backup failed: ${err.message}`);
    else if (err instanceof TypeError && /ERR_PARSE_ARGS/.test(String((err as NodeJS.ErrnoException).code))) console.error(`${err.message}\n\n${USAGE}`);
    else console.error(`backup failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exit(1);
  },
);
