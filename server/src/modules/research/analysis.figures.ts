import { analyseCodes, type LessonType, lessonType } from './st-analysis.js';

/**
 * The research analysis's pure arithmetic: S-T lesson types mixed per school or teacher (each
 * coding read by st-analysis.ts), activity counts by kind, and the sum of school rows into a
 * county row. No database here, so each rule is unit-tested on its own (analysis.figures.unit.test.ts).
 */

export const ACTIVITY_KINDS = ['joint_prep', 'same_topic', 'open_lesson', 'lesson_review'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** 练习型 · 讲授型 · 对话型 · 混合型, as st-analysis.ts names them. */
export const LESSON_TYPES = ['practice', 'lecture', 'dialogue', 'mixed'] as const satisfies readonly LessonType[];

export interface StMixFigures {
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

export function emptySt(): StMixFigures {
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
export function stByOwner(rows: readonly CodingRow[]): Map<number, StMixFigures> {
  const lessons = new Map<string, { owner: number; rt: number[]; ch: number[] }>();
  const out = new Map<number, StMixFigures>();
  for (const r of rows) {
    const figures = out.get(r.owner) ?? emptySt();
    figures.codings++;
    out.set(r.owner, figures);
    const st = analyseCodes(r.codes);
    if (st.rt === null || st.ch === null) continue;
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
    figures.types[lessonType(rt, ch)]++;
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
export function addSt(a: StMixFigures, b: StMixFigures): StMixFigures {
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
