import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/** The tables the seed fills, parents before children: a flush in this order never breaks a foreign key. */
export const SEED_TABLES = [
  'regions', 'departments', 'schools', 'grades', 'classes', 'users', 'role_assignments', 'students', 'guardianships', 'class_staff',
] as const;
export type SeedTable = (typeof SEED_TABLES)[number];
export type IdTable = Exclude<SeedTable, 'guardianships' | 'class_staff'>;
export type SeedCounts = Record<SeedTable, number>;

// Bound parameters per statement: SQLite allows 32766, PostgreSQL 65535; stay below both.
const MAX_PARAMS = 30_000;

/**
 * Buffers seed rows and writes them as multi-row inserts. It hands out the ids itself, so that a
 * child row can name its parent before either is written and the ids follow from the seed alone.
 */
export class RowWriter {
  readonly counts: SeedCounts = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as SeedCounts;
  private readonly lastId = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as Record<IdTable, number>;
  private readonly buffers = new Map<SeedTable, Record<string, unknown>[]>(SEED_TABLES.map((t) => [t, []]));
  private readonly chunkRows = new Map<SeedTable, number>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Queues a row under the next id of its table and returns that id. */
  add<T extends IdTable>(table: T, row: Omit<Insertable<Database[T]>, 'id'>): number {
    const id = ++this.lastId[table];
    this.push(table, { id, ...row });
    return id;
  }

  link(row: Insertable<Database['guardianships']>): void {
    this.push('guardianships', { ...row });
  }

  /** A teacher's place in a class (班主任 or 任课教师). */
  teach(row: Insertable<Database['class_staff']>): void {
    this.push('class_staff', { ...row });
  }

  /** Writes every buffer once one of them holds a full statement's worth of rows. */
  async flushIfFull(): Promise<void> {
    for (const [table, rows] of this.buffers) {
      if (rows.length >= (this.chunkRows.get(table) ?? Infinity)) return this.flushAll();
    }
  }

  async flushAll(): Promise<void> {
    for (const table of SEED_TABLES) {
      const rows = this.buffers.get(table) ?? [];
      const size = this.chunkRows.get(table) ?? 1;
      for (let i = 0; i < rows.length; i += size) {
        // The rows were typed when queued (add/link); a union of tables defeats Kysely's row type here.
        await this.db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
      }
      this.buffers.set(table, []);
    }
  }

  /**
   * PostgreSQL identity sequences do not move when ids are given explicitly; without this the
   * next ordinary insert would collide with a seeded id.
   */
  async resetSequences(): Promise<void> {
    for (const table of SEED_TABLES) {
      if (table === 'guardianships' || table === 'class_staff' || this.counts[table] === 0) continue;
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(this.db);
    }
  }

  private push(table: SeedTable, row: Record<string, unknown>): void {
    if (!this.chunkRows.has(table)) this.chunkRows.set(table, Math.floor(MAX_PARAMS / Object.keys(row).length));
    this.buffers.get(table)?.push(row);
    this.counts[table]++;
  }
}
