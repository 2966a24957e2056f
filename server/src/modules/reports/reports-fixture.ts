import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from '../../access/matrix/matrix-types.js';
import type { ReportTable } from '../../db/schema.js';
import type { TestApp } from '../../test-support/test-app.js';
import type { ReportFigures } from './reports.figures.js';

type Purpose = 'draft' | 'submitted' | 'submitted2';

/** Report ids the reports matrix acts on. */
export interface ReportsFixture {
  /** A draft per target, for reads. */
  report: Record<Target, number>;
  /** Per actor, so each may change its own: drafts (edit, refresh, submit) and submitted ones (return; approve). */
  actorReport: Record<Purpose, Record<MatrixActor, Record<Target, number>>>;
}

const FIGURES: ReportFigures = {
  from: '2017-01-01', to: '2017-01-31',
  compliance: {
    county: { schools: 0, schoolDays: 0, metDays: 0, missedDays: 0, pendingDays: 0, rate: null },
    department: { department: 'research', schools: 0, schoolDays: 0, metDays: 0, missedDays: 0, pendingDays: 0, rate: null },
    lagging: [], laggingTotal: 0,
  },
  rollout: null,
};

/**
 * Adds monthly reports for the matrix's targets — own: 冠县教科所, sibling: 冠县电教馆 (the same
 * county, another department), foreign: 莘县教科所 — and attaches their ids to the fixture
 * (`reportsOf(f)`). Each purpose and actor gets its own month, so the unique key never collides.
 */
export async function addReportsToFixture(t: TestApp, f: MatrixFixture): Promise<ReportsFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const author = await db.selectFrom('users').select('id').where('username', '=', 'guanxian.research').executeTakeFirstOrThrow();
  const city = await db.selectFrom('regions').select('parent_id').where('id', '=', f.county.own).executeTakeFirstOrThrow();
  let month = 0;
  // Months from 2010-01 on, one per set of three: far from any period a test creates.
  const nextStart = () => {
    const y = 2010 + Math.floor(month / 12);
    const m = (month++ % 12) + 1;
    return { start: `${y}-${String(m).padStart(2, '0')}-01`, end: `${y}-${String(m).padStart(2, '0')}-28` };
  };
  const insertSet = async (status: ReportTable['status']): Promise<Record<Target, number>> => {
    const { start, end } = nextStart();
    const out = {} as Record<Target, number>;
    const targets: [Target, number, ReportTable['department']][] = [['own', f.county.own, 'research'], ['sibling', f.county.own, 'edtech'], ['foreign', f.county.foreign, 'research']];
    for (const [target, countyId, department] of targets) {
      const row = await db.insertInto('reports').values({
        city_id: city.parent_id!, county_id: countyId, department, period: 'monthly', period_start: start, period_end: end, status,
        figures: JSON.stringify({ ...FIGURES, compliance: { ...FIGURES.compliance, department: { ...FIGURES.compliance.department, department } } }),
        figures_at: now, progress: '矩阵工作进展', problems: '无', next_steps: '矩阵下步计划', created_by_user_id: author.id,
        submitted_by_user_id: status === 'submitted' ? author.id : null, submitted_at: status === 'submitted' ? now : null,
        reviewed_by_user_id: null, reviewed_at: null, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      out[target] = row.id;
    }
    return out;
  };
  const out: ReportsFixture = {
    report: await insertSet('draft'),
    actorReport: { draft: {} as never, submitted: {} as never, submitted2: {} as never },
  };
  for (const purpose of ['draft', 'submitted', 'submitted2'] as const) {
    for (const actor of Object.keys(MATRIX_ACTORS) as MatrixActor[]) {
      out.actorReport[purpose][actor] = await insertSet(purpose === 'draft' ? 'draft' : 'submitted');
    }
  }
  Object.assign(f, out);
  return out;
}

/** The reports part of a fixture that went through addReportsToFixture. */
export function reportsOf(f: MatrixFixture): ReportsFixture {
  const r = f as MatrixFixture & Partial<ReportsFixture>;
  if (!r.report || !r.actorReport) throw new Error('the matrix fixture has no reports: call addReportsToFixture(t, f) in buildMatrixFixture');
  return { report: r.report, actorReport: r.actorReport };
}
