import { type Actor, scopeOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, forbidden } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { classesPlan } from './classes.import-spec.js';
import { type ImportError, readRows } from '../../http/column-spec.js';
import type { AnyImportPlan, ImportKind } from './import-plan.js';
import { buildTemplate } from './import-template.js';
import { schoolsPlan } from './schools.import-spec.js';
import { readSheet } from '../../http/sheet-reader.js';
import type { UploadedFile } from '../../http/uploaded-sheet.js';
import { staffPlan } from './staff.import-spec.js';

export const IMPORT_PLANS: Record<ImportKind, AnyImportPlan> = { schools: schoolsPlan, classes: classesPlan, staff: staffPlan };

// A file with thousands of wrong rows would otherwise answer with megabytes of messages.
const MAX_ERRORS_LISTED = 1_000;

/** Bulk import of schools, classes and staff from .xlsx or CSV: check every row, then write all rows or none. */
export function createImportsService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const db = deps.db.db;

  function scopeFor(actor: Actor, plan: AnyImportPlan) {
    const scope = scopeOf(actor, plan.action);
    if (!scope) throw forbidden();
    return scope;
  }

  async function validate(actor: Actor, kind: ImportKind, file: UploadedFile) {
    const plan = IMPORT_PLANS[kind];
    const scope = scopeFor(actor, plan);
    const sheet = await readSheet(file.data, file.filename);
    const { rows, errors } = readRows(sheet, plan.columns);
    const ctx: unknown = rows.length ? await plan.load(db, scope, rows) : null;
    if (rows.length) errors.push(...plan.check(rows, ctx));
    const order = Object.values(plan.columns).map((c) => (c as { header: string }).header);
    errors.sort((a, b) => a.row - b.row || order.indexOf(a.column) - order.indexOf(b.column));
    return { plan, sheet, rows, ctx, errors, totalRows: sheet.dataRowCount };
  }

  const listed = (errors: ImportError[]) => errors.slice(0, MAX_ERRORS_LISTED);

  /** Checks a file as the import would, writing nothing. */
  async function preview(actor: Actor, kind: ImportKind, file: UploadedFile) {
    const { errors, totalRows } = await validate(actor, kind, file);
    return { kind, totalRows, errors: listed(errors), errorCount: errors.length, ok: errors.length === 0 };
  }

  /** Imports a file in one transaction; any error in any row imports nothing. */
  async function run(actor: Actor, kind: ImportKind, file: UploadedFile, ip: string) {
    const { plan, rows, ctx, errors, sheet } = await validate(actor, kind, file);
    const record = (result: 'success' | 'failure', detail: Record<string, unknown>) => deps.audit.record({
      actor: { userId: actor.userId, name: actor.name }, action: `import.${kind}`, targetType: plan.targetType, result, ip,
      detail: { file: file.filename.slice(0, 120), format: sheet.format, rows: sheet.dataRowCount, ...detail },
    });
    if (errors.length) {
      await record('failure', { errors: errors.length });
      throw new AppError(422, 'IMPORT_INVALID', `导入文件有 ${errors.length} 处错误，未导入任何数据`, { errors: listed(errors), errorCount: errors.length });
    }
    // No error means every cell of every row was read: the partial rows are whole.
    const prepared = await plan.prepare(rows.map((r) => r.value), ctx);
    let imported: number;
    try {
      imported = await db.transaction().execute((trx) => plan.insert(trx, prepared, deps.clock.now().toISOString()));
    } catch (err) {
      await record('failure', { error: isUniqueViolation(err) ? 'conflict' : 'database' });
      if (isUniqueViolation(err)) {
        throw new AppError(409, 'IMPORT_CONFLICT', '导入期间他人刚录入了相同的学校标识码或用户名，未导入任何数据，请重新预览检查后再导入');
      }
      throw err;
    }
    await record('success', { imported });
    return { imported };
  }

  /** The .xlsx template of one kind, for those who may import it. */
  async function template(actor: Actor, kind: ImportKind) {
    const plan = IMPORT_PLANS[kind];
    scopeFor(actor, plan);
    return { filename: `${plan.title}导入模板.xlsx`, data: await buildTemplate(plan) };
  }

  return { preview, run, template };
}

// SQLite (better-sqlite3) and PostgreSQL (pg) name a unique violation differently.
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

export type ImportsService = ReturnType<typeof createImportsService>;
