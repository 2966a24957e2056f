import type { Kysely } from 'kysely';
import { type Action, IMPORT_KINDS, type ImportKind } from '../../../../shared/domain.js';
import type { Scope } from '../../access/actor.js';
import type { Database } from '../../db/schema.js';
import type { Columns, ImportError, ParsedRow, RowOf } from '../../http/column-spec.js';

// What can be imported is domain vocabulary, shared with the web app's template picker.
export { IMPORT_KINDS, type ImportKind };

/**
 * Everything one kind of import knows: its columns, the permission it needs, how it checks rows
 * against the database and how it writes them. The service runs every kind the same way.
 */
export interface ImportPlan<C extends Columns, Ctx, Prepared> {
  kind: ImportKind;
  action: Action;
  /** Name of the template's data sheet and file: 学校, 班级, 教职工. */
  title: string;
  /** What the audit log calls the rows written. */
  targetType: string;
  columns: C;
  /** Looks up what the rows name (counties, schools, usernames), within the scope. */
  load(db: Kysely<Database>, scope: Scope, rows: ParsedRow<RowOf<C>>[]): Promise<Ctx>;
  /** Rules across rows and against the database; cells were read already. */
  check(rows: ParsedRow<RowOf<C>>[], ctx: Ctx): ImportError[];
  /** Turns checked rows into rows to insert; slow work (password hashing) happens here, before the transaction. */
  prepare(rows: RowOf<C>[], ctx: Ctx): Promise<Prepared>;
  /** Writes inside the caller's transaction; answers how many rows of the file were imported. */
  insert(trx: Kysely<Database>, prepared: Prepared, now: string): Promise<number>;
}

// The service holds plans of different row types side by side; each plan is typed where it is defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImportPlan = ImportPlan<any, any, any>;

/** Declares a plan with its types inferred from its columns. */
export const definePlan = <C extends Columns, Ctx, Prepared>(plan: ImportPlan<C, Ctx, Prepared>) => plan;
