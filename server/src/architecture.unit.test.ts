import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The module seams, from the code's own imports (the same reading as ../shared/checks/seams.py):
 * no module cycle, no import from infrastructure into a domain module, and every import pointing
 * to the same or a lower floor (docs/architecture.md). A new module or top-level file needs a
 * floor here before it can land.
 */

const REPO = resolve(import.meta.dirname, '../..');

const FLOORS: Record<string, number> = {
  // 1: infrastructure
  db: 1, storage: 1, media: 1, jobs: 1, events: 1, access: 1, http: 1, 'root:config': 1, 'root:clock': 1, 'root:secrets': 1, 'root:repo-root': 1,
  redis: 1, cluster: 1,
  // 2: the platform's own records
  'modules/audit': 2, 'modules/auth': 2, 'modules/people': 2, 'modules/org': 2, 'modules/calendar': 2, 'modules/students': 2,
  'modules/rooms': 2, 'modules/notifications': 2, 'modules/health': 2,
  // 3: the lesson-video path
  'modules/recordings': 3, 'modules/uploads': 3,
  // 4: supervision of the programme
  'modules/compliance': 4, 'modules/rollout': 4, 'modules/inspections': 4, 'modules/bulletins': 4, 'modules/imports': 4,
  // 5: the capabilities built on recorded lessons
  'modules/research': 5, 'modules/patrol': 5, 'modules/resources': 5, 'modules/family': 5, 'modules/safety': 5, 'modules/live': 5,
  // 6: read-only aggregations and the reports built on them
  'modules/dashboards': 6, 'modules/reports': 6, 'modules/equity': 6,
  // 7: composition roots and the demo
  composition: 7, seed: 7, 'root:app': 7, 'root:main': 7, 'root:worker-main': 7, 'root:maintenance': 7,
  // the operator's commands (backup, restore): like main, they open the installation and reach any module's data
  ops: 7,
};
const INFRASTRUCTURE = new Set(Object.keys(FLOORS).filter((m) => FLOORS[m] === 1));

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
const isTest = (f: string) => /\.(test|spec)\.tsx?$|test-kit|fixture|\/test-support\/|\/test-fixtures\/|\.bench|\/matrix\//.test(f);

function walk(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function moduleOf(f: string): string {
  const p = f.split('/');
  if (f.startsWith('server/src/modules/')) return `modules/${p[3]}`;
  if (f.startsWith('server/src/') && p.length > 3) return p[2]!;
  if (f.startsWith('server/src/')) return `root:${p[2]!.replace(/\.tsx?$/, '')}`;
  return `shared:${p.at(-1)!.replace(/\.tsx?$/, '')}`;
}

/** Production imports between modules: from → to → the file-level imports behind the edge. */
function moduleGraph(): Map<string, Map<string, string[]>> {
  const files = [...walk('server/src'), ...walk('shared')];
  const known = new Set(files);
  const resolveSpec = (from: string, spec: string) => {
    if (!spec.startsWith('.')) return null;
    const p = normalize(join(dirname(from), spec));
    const stem = p.replace(/\.js$/, '');
    return [`${stem}.ts`, `${stem}.tsx`, p, `${p}.ts`, `${p}/index.ts`].find((c) => known.has(c)) ?? null;
  };
  const graph = new Map<string, Map<string, string[]>>();
  for (const f of files) {
    if (isTest(f)) continue;
    const text = readFileSync(join(REPO, f), 'utf8');
    for (const m of [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC)]) {
      const g = resolveSpec(f, m[1]!);
      if (!g || isTest(g)) continue;
      const a = moduleOf(f);
      const b = moduleOf(g);
      if (a === b) continue;
      const edges = graph.get(a) ?? new Map<string, string[]>();
      edges.set(b, [...(edges.get(b) ?? []), `${f} -> ${g}`]);
      graph.set(a, edges);
    }
  }
  return graph;
}

/** Strongly connected components of more than one module (Tarjan). */
function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((e) => [...e.keys()])]);
  for (const v of nodes) if (!index.has(v)) visit(v);
  return out;
}

describe('module seams', () => {
  const graph = moduleGraph();
  const edges = [...graph].flatMap(([from, to]) => [...to].map(([target, via]) => ({ from, to: target, via })));

  it('has no module cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no import from infrastructure into a domain module, the composition root or the seed', () => {
    const bad = edges.filter((e) => INFRASTRUCTURE.has(e.from) && !INFRASTRUCTURE.has(e.to) && !e.to.startsWith('shared:'));
    expect(bad.flatMap((e) => e.via)).toEqual([]);
  });

  it('gives every module a floor, and every import points to its own floor or a lower one', () => {
    const modules = new Set(edges.flatMap((e) => [e.from, e.to]).filter((m) => !m.startsWith('shared:')));
    expect([...modules].filter((m) => FLOORS[m] === undefined)).toEqual([]);
    const upward = edges.filter((e) => !e.from.startsWith('shared:') && !e.to.startsWith('shared:') && FLOORS[e.to]! > FLOORS[e.from]!);
    expect(upward.flatMap((e) => e.via.map((v) => `${e.from} (${FLOORS[e.from]}) -> ${e.to} (${FLOORS[e.to]}): ${v}`))).toEqual([]);
  });

  it('reads the code it guards (the graph is not empty)', () => {
    expect(graph.get('root:app')?.has('modules/compliance')).toBe(true);
  });
});
