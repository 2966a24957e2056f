import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Readable } from 'node:stream';

/** Bumped when the layout changes in a way an older `npm run restore` could not read. */
export const BACKUP_FORMAT = 'sunshine-backup/1';

export const MANIFEST_FILE = 'manifest.json';
export const OBJECTS_LIST_FILE = 'objects.ndjson';
export const OBJECTS_FOLDER = 'objects';
export const SECRETS_FILE = 'secrets.json';
export const SQLITE_FILE = 'database.sqlite';
export const PG_DUMP_FILE = 'database.pgdump';

export type BackupDatabase =
  | { kind: 'sqlite'; file: string; bytes: number; sha256: string; sqliteVersion: string }
  | { kind: 'postgres'; file: string; bytes: number; sha256: string; schema: string; serverVersion: string; pgDumpVersion: string };

/** Where the objects' copies are: a folder inside the backup, or another bucket / prefix (STORAGE_URL syntax, credentials left out). */
export type BackupObjectsLocation = { kind: 'folder'; path: string } | { kind: 'storage'; url: string };

/** One line of objects.ndjson: an object as the installation had it when the backup ran. */
export interface ObjectEntry {
  key: string;
  size: number;
  sha256: string;
  /** S3's ETag (quotes removed), for comparing against a later listing without reading the bytes. */
  etag?: string;
  /** Disk store: the file's modification time, which with the size tells an unchanged object for --previous. */
  mtimeMs?: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  /** When the database snapshot was taken: the restored installation is as of this moment. */
  createdAt: string;
  finishedAt: string;
  versions: { app: string; node: string };
  /** The last migration applied to the backed-up database; a restore runs with code at least this new. */
  migration: string | null;
  database: BackupDatabase;
  counts: Record<string, number>;
  objects: {
    source: 'fs' | 's3';
    list: string;
    listSha256: string;
    count: number;
    bytes: number;
    location: BackupObjectsLocation;
    /** Objects hard-linked from the --previous backup instead of copied again. */
    reused: number;
  };
  secrets: string | null;
  seconds: { database: number; objects: number; total: number };
}

export async function readManifest(backupDir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(backupDir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupError(`${backupDir} is not a backup: it has no ${MANIFEST_FILE} (an interrupted backup is left as *.partial)`);
  }
  const m = JSON.parse(text) as BackupManifest;
  if (m.format !== BACKUP_FORMAT) throw new BackupError(`${backupDir}: unknown backup format ${JSON.stringify(m.format)} (this version reads ${BACKUP_FORMAT})`);
  return m;
}

/** The object list, one entry at a time (a province's list does not fit comfortably in memory as one JSON). */
export async function* readObjectList(backupDir: string, list = OBJECTS_LIST_FILE): AsyncIterable<ObjectEntry> {
  const lines = createInterface({ input: createReadStream(join(backupDir, list)), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as ObjectEntry;
}

/** Writes NDJSON lines with back-pressure. */
export function ndjsonWriter(path: string) {
  const out = createWriteStream(path);
  return {
    async write(entry: ObjectEntry) {
      if (!out.write(`${JSON.stringify(entry)}\n`)) await once(out, 'drain');
    },
    async close() {
      out.end();
      await once(out, 'finish');
    },
  };
}

/** A problem the operator must fix or look at; its message is the whole story (the CLIs print it alone). */
export class BackupError extends Error {}

export async function drain(body: Readable): Promise<void> {
  for await (const _ of body) { /* consume */ }
}
