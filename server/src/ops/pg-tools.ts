import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { BackupError } from './backup-manifest.js';

const run = promisify(execFile);

/**
 * libpq reads the password from the URL, but a URL on the command line is visible to every user
 * in `ps`: the password goes through PGPASSWORD instead, the rest of the URL stays as given (its
 * `options=-c search_path=…` included).
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { dbname: u.toString(), env };
}

async function tool(name: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(name, args, { env, maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new BackupError(`${name} is not on PATH: install the PostgreSQL client tools of the server's major version (Debian: postgresql-client-15)`);
    throw new BackupError(`${name} failed: ${(e.stderr || e.message).trim()}`);
  }
}

export async function pgToolVersion(name: 'pg_dump' | 'pg_restore'): Promise<string> {
  return (await tool(name, ['--version'], process.env)).trim();
}

/** `pg_dump --format=custom` of one schema: compressed, restorable table by table, read by pg_restore of the same or a newer version. */
export async function pgDump(url: string, schema: string, file: string): Promise<void> {
  const { dbname, env } = connection(url);
  await tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schema}`, `--file=${file}`, `--dbname=${dbname}`], env);
}

/**
 * Restores a dump into an empty schema, in one transaction (a failed restore leaves nothing
 * behind). The schema itself is made beforehand by the caller: PostgreSQL creates `public` in
 * every new database, and pg_restore's own CREATE SCHEMA would fail on it.
 */
export async function pgRestore(url: string, schema: string, file: string, listFile: string): Promise<void> {
  const { dbname, env } = connection(url);
  const toc = await tool('pg_restore', ['--list', file], env);
  const mine = new RegExp(`^\\d+;.*\\b(SCHEMA - ${escape(schema)}|COMMENT - SCHEMA ${escape(schema)}) `);
  await writeFile(listFile, toc.split('\n').filter((line) => !mine.test(line)).join('\n'));
  await tool('pg_restore', [
    '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--use-list=${listFile}`, `--dbname=${dbname}`, file,
  ], env);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
