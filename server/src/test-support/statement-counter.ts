import type {
  KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow,
} from 'kysely';
import type { Db } from '../db/database.js';

/** One executed statement: its kind and the table it reads or writes first, enough to tell which call ran it. */
export interface CountedStatement {
  kind: string;
  table: string | null;
}

function firstTable(node: RootOperationNode): string | null {
  const n = node as unknown as {
    from?: { froms?: { kind: string; table?: { identifier?: { name?: string } }; node?: unknown }[] };
    into?: { table?: { identifier?: { name?: string } } };
    table?: { table?: { identifier?: { name?: string } } };
  };
  const from = n.from?.froms?.[0];
  if (from?.table?.identifier?.name) return from.table.identifier.name;
  if (from) return `(${from.kind})`;
  return n.into?.table?.identifier?.name ?? n.table?.table?.identifier?.name ?? null;
}

/**
 * Counts the SQL statements a database handle runs, for tests that hold a request to a budget of
 * statements (the dashboards). A Kysely plugin sees every query the handle compiles; a statement
 * counts once its result comes back, so queries only compiled (never run) do not count.
 */
export function countStatements(handle: Db): { db: Db; statements: CountedStatement[]; reset(): void } {
  const pending = new WeakMap<object, CountedStatement>();
  const statements: CountedStatement[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      pending.set(args.queryId, { kind: args.node.kind, table: firstTable(args.node) });
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const s = pending.get(args.queryId);
      pending.delete(args.queryId);
      statements.push(s ?? { kind: 'unknown', table: null });
      return args.result;
    },
  };
  return {
    db: { ...handle, db: handle.db.withPlugin(plugin) },
    statements,
    reset: () => { statements.length = 0; },
  };
}
