/**
 * The research analysis's pure arithmetic: S-T lesson types mixed per school or teacher, activity
 * counts by kind, and the sum of school rows into a county row. No database here, so each rule is
 * unit-tested on its own (analysis.figures.unit.test.ts).
 */

export const ACTIVITY_KINDS = ['joint_prep', 'same_topic', 'open_lesson', 'lesson_review'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** 练习型 · 讲授型 · 对话型 · 混合型 */
export const LESSON_TYPES = ['practice', 'lecture', 'dialogue', 'mixed'] as const;
export type LessonType = (typeof LESSON_TYPES)[number];

export interface StFigures {
  /** Codings made (one per observer and lesson). */
  codings: number;
  /** Lessons with at least one coding. */
  lessons: number;
  /** Coded lessons by type: a lesson with several codings takes the type of its mean Rt and Ch. */
  types: Record<LessonType, number>;
  /** Mean over the coded lessons; null when none was coded. */
  meanRt: number | null;
  meanCh: number | null;
}

export interface ActivityFigures {
  total: number;
  /** Organised by the school (school rows), by the teacher (teacher rows), by the county or its schools (county rows). */
  organised: number;
  byKind: Record<ActivityKind, number>;
}

/**
 * Rt, Ch and the lesson type of one S-T coding. Replaced by st-analysis.ts at merge: until the S-T
 * helper's pure module is on main, this minimal reading of the same published method stands in.
 *
 * The method (傅德荣、章慧敏《教育信息处理》, 北京师范大学出版社 2001; 刘飞、黄荣怀 2014): with N coded
 * samples, N_T of them teacher behaviour and g runs of equal codes, Rt = N_T / N and Ch = (g − 1) / N;
 * 练习型 Rt ≤ 0.3, 讲授型 Rt ≥ 0.7, 对话型 Ch ≥ 0.4, otherwise 混合型. A D (dialogue) sample counts
 * half to the teacher and forms runs of its own; '-' (not coded) is skipped.
 */
export function stOfCodes(codes: string): { rt: number; ch: number; type: LessonType } | null {
  const samples = [...codes].filter((c) => c === 'T' || c === 'S' || c === 'D');
  if (!samples.length) return null;
  let teacher = 0;
  let runs = 0;
  for (const [i, c] of samples.entries()) {
    teacher += c === 'T' ? 1 : c === 'D' ? 0.5 : 0;
    if (i === 0 || samples[i - 1] !== c) runs++;
  }
  const rt = teacher / samples.length;
  const ch = (runs - 1) / samples.length;
  return { rt, ch, type: typeOf(rt, ch) };
}

/** The lesson type from Rt and Ch by the thresholds above (Rt first, as the method reads them). */
export function typeOf(rt: number, ch: number): LessonType {
  if (rt <= 0.3) return 'practice';
  if (rt >= 0.7) return 'lecture';
  if (ch >= 0.4) return 'dialogue';
  return 'mixed';
}

export function emptySt(): StFigures {
  return { codings: 0, lessons: 0, types: { practice: 0, lecture: 0, dialogue: 0, mixed: 0 }, meanRt: null, meanCh: null };
}

export function emptyActivities(): ActivityFigures {
  return { total: 0, organised: 0, byKind: { joint_prep: 0, same_topic: 0, open_lesson: 0, lesson_review: 0 } };
}

export interface CodingRow {
  /** Whom the lesson counts for: its school, or its teacher. */
  owner: number;
  /** The lesson within its activity (`activityId:schoolId:groupId`). */
  lesson: string;
  codes: string;
}

/**
 * S-T figures per owner: every coding counts, each coded lesson once. A lesson coded by several
 * observers takes the mean of their Rt and Ch, then its type; codings with nothing coded count as
 * codings but give the lesson no type (a lesson with only such codings is not a coded lesson).
 */
export function stByOwner(rows: readonly CodingRow[]): Map<number, StFigures> {
  const lessons = new Map<string, { owner: number; rt: number[]; ch: number[] }>();
  const out = new Map<number, StFigures>();
  for (const r of rows) {
    const figures = out.get(r.owner) ?? emptySt();
    figures.codings++;
    out.set(r.owner, figures);
    const st = stOfCodes(r.codes);
    if (!st) continue;
    const key = `${r.owner}|${r.lesson}`;
    const lesson = lessons.get(key) ?? { owner: r.owner, rt: [], ch: [] };
    lesson.rt.push(st.rt);
    lesson.ch.push(st.ch);
    lessons.set(key, lesson);
  }
  const sums = new Map<number, { rt: number; ch: number }>();
  for (const l of lessons.values()) {
    const rt = mean(l.rt);
    const ch = mean(l.ch);
    const figures = out.get(l.owner)!;
    figures.lessons++;
    figures.types[typeOf(rt, ch)]++;
    const sum = sums.get(l.owner) ?? { rt: 0, ch: 0 };
    sums.set(l.owner, { rt: sum.rt + rt, ch: sum.ch + ch });
  }
  for (const [owner, sum] of sums) {
    const figures = out.get(owner)!;
    figures.meanRt = round(sum.rt / figures.lessons);
    figures.meanCh = round(sum.ch / figures.lessons);
  }
  return out;
}

/** Sums S-T figures (a county from its schools); the means are weighted by coded lessons. */
export function addSt(a: StFigures, b: StFigures): StFigures {
  const lessons = a.lessons + b.lessons;
  const weighted = (x: number | null, nx: number, y: number | null, ny: number) =>
    lessons === 0 ? null : round(((x ?? 0) * nx + (y ?? 0) * ny) / lessons);
  return {
    codings: a.codings + b.codings,
    lessons,
    types: { practice: a.types.practice + b.types.practice, lecture: a.types.lecture + b.types.lecture, dialogue: a.types.dialogue + b.types.dialogue, mixed: a.types.mixed + b.types.mixed },
    meanRt: weighted(a.meanRt, a.lessons, b.meanRt, b.lessons),
    meanCh: weighted(a.meanCh, a.lessons, b.meanCh, b.lessons),
  };
}

export interface KindCountRow {
  owner: number;
  kind: ActivityKind;
  activities: number;
  organised: number;
}

/**
 * Activities per owner from rows grouped by owner and kind. An activity has one kind, so the
 * kinds' counts add up to the owner's distinct activities.
 */
export function activitiesByOwner(rows: readonly KindCountRow[]): Map<number, ActivityFigures> {
  const out = new Map<number, ActivityFigures>();
  for (const r of rows) {
    const figures = out.get(r.owner) ?? emptyActivities();
    figures.total += r.activities;
    figures.organised += r.organised;
    figures.byKind[r.kind] += r.activities;
    out.set(r.owner, figures);
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((n, x) => n + x, 0) / xs.length;
/** Four decimals: the figures are shown as percentages with one decimal at most. */
const round = (x: number) => Math.round(x * 10_000) / 10_000;
