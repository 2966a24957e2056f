/**
 * S-T analysis (S-T 分析, `stAnalysis`): the maths of a lesson's behaviour coding, shared by the
 * server (stored codings, agreement, comparison) and the web (live figures while coding).
 *
 * The method. 傅德荣、章慧敏《教育信息处理》(北京师范大学出版社, 2001; first edition 1991)
 * samples the lesson every Δ seconds (30 s by default) and codes each sample T (teacher
 * behaviour: explaining, demonstrating, asking, evaluating) or S (student behaviour: answering,
 * discussing, practising, thinking). With N samples, N_T of them T, and g the number of runs
 * (连: a stretch of one code repeated),
 *   Rt = N_T / N           teacher occupancy (教师行为占有率)
 *   Ch = (g − 1) / N       conversion rate (师生行为转换率): the changes of behaviour per sample
 * and the lesson type (教学模式) by the book's thresholds:
 *   练习型 practice   Rt ≤ 0.3
 *   讲授型 lecture    Rt ≥ 0.7
 *   对话型 dialogue   Ch ≥ 0.4
 *   混合型 mixed      0.3 < Rt < 0.7 and Ch < 0.4
 * The conditions overlap where Rt ≤ 0.3 or Rt ≥ 0.7 meets Ch ≥ 0.4 (with T and S only, at
 * 0.2 ≤ Rt ≤ 0.3 or 0.7 ≤ Rt ≤ 0.8, as Ch cannot exceed 2·min(Rt, 1 − Rt)). We follow the book's Rt-Ch diagram, whose Ch = 0.4 line crosses the whole
 * feasible triangle: dialogue is judged first, then practice and lecture, mixed otherwise.
 *
 * The improvement with D. Chinese practice adds a third code, D (师生互动 / dialogue: teacher and
 * students talking together, a guided experiment) — 刘立新、杜卫民、王萍、靖梅, 改进的 S-T 分析法,
 * 《化学教学》2014(7):19–22, after 刘立新等《化学教学》2014(1):27–30. How D enters the figures is
 * taken from the summary in 信息化教学创新 (2022-08-19, "课堂妙招 | S-T分析法，教师课堂互动分析好帮手"):
 *   Rt = (N_T + N_D / 2) / N     a dialogue sample is half the teacher's
 *   Ch = g′ / N                  g′ = changes between any two of T, S and D
 * g′ equals the runs over the three codes minus one, so Ch is still the book's (g − 1) / N with D
 * as a code of its own; with no D both formulas are exactly the book's. The thresholds are kept.
 * (Some authors count D as T instead — 侯岩等 2021 — which would make every dialogue lesson lean
 * towards 讲授型; we do not.)
 *
 * Samples not coded ('-': the observer had not coded that moment yet) are left out: N counts only
 * coded samples, and runs are read over the coded samples in order, so a gap does not break or
 * make a run.
 *
 * The S-T curve (S-T 图): from the origin, each T sample moves one interval along the T axis, each
 * S sample one interval along the S axis, and a D sample half an interval along each (the same
 * half-and-half as Rt), so the curve ends at (Rt·N, (1 − Rt)·N) intervals and its slope against
 * the diagonal shows who holds the lesson at each stretch.
 */

export const ST_CODES = ['T', 'S', 'D'] as const;
export type StCode = (typeof ST_CODES)[number];
/** A sample not (yet) coded. */
export const UNCODED = '-';

export type LessonType = 'practice' | 'lecture' | 'dialogue' | 'mixed';

/** The thresholds of 傅德荣、章慧敏 (2001), named for the chart's type regions. */
export const ST_THRESHOLDS = { practiceRtMax: 0.3, lectureRtMin: 0.7, dialogueChMin: 0.4 } as const;

export interface StFigures {
  /** Coded samples. */
  n: number;
  nT: number;
  nS: number;
  nD: number;
  /** Samples left uncoded ('-'). */
  uncoded: number;
  /** Runs (连) of one code over the coded samples. */
  runs: number;
  /** Null when nothing is coded. */
  rt: number | null;
  ch: number | null;
  type: LessonType | null;
}

/** Whether every character is T, S, D or '-'. */
export function isCodeString(codes: string): boolean {
  return /^[TSD-]*$/.test(codes);
}

/** The lesson type of an Rt and Ch, by the thresholds above (dialogue first, as the Rt-Ch diagram draws it). */
export function lessonType(rt: number, ch: number): LessonType {
  if (ch >= ST_THRESHOLDS.dialogueChMin) return 'dialogue';
  if (rt <= ST_THRESHOLDS.practiceRtMax) return 'practice';
  if (rt >= ST_THRESHOLDS.lectureRtMin) return 'lecture';
  return 'mixed';
}

/** N, N_T, N_S, N_D, the runs, Rt, Ch and the lesson type of a code string (one letter per sample). */
export function analyseCodes(codes: string): StFigures {
  let nT = 0;
  let nS = 0;
  let nD = 0;
  let uncoded = 0;
  let runs = 0;
  let previous: string | null = null;
  for (const c of codes) {
    if (c === 'T') nT++;
    else if (c === 'S') nS++;
    else if (c === 'D') nD++;
    else {
      uncoded++;
      continue;
    }
    if (c !== previous) runs++;
    previous = c;
  }
  const n = nT + nS + nD;
  if (n === 0) return { n, nT, nS, nD, uncoded, runs, rt: null, ch: null, type: null };
  const rt = (nT + nD / 2) / n;
  const ch = (runs - 1) / n;
  return { n, nT, nS, nD, uncoded, runs, rt, ch, type: lessonType(rt, ch) };
}

export interface StCurvePoint {
  /** A moment on the lesson clock, in seconds: sample i (taken at i·Δ) stands for Δ up to (i + 1)·Δ. */
  atSeconds: number;
  /** Cumulative teacher time and student time up to that moment, in seconds. */
  t: number;
  s: number;
}

/**
 * The S-T curve: the origin at 0 s, then one point per sample at the end of the interval it stands
 * for (uncoded samples repeat the previous point, so the points stay aligned with the lesson clock).
 */
export function stCurve(codes: string, intervalSeconds: number): StCurvePoint[] {
  const points: StCurvePoint[] = [{ atSeconds: 0, t: 0, s: 0 }];
  let t = 0;
  let s = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 'T') t += intervalSeconds;
    else if (c === 'S') s += intervalSeconds;
    else if (c === 'D') {
      t += intervalSeconds / 2;
      s += intervalSeconds / 2;
    }
    points.push({ atSeconds: (i + 1) * intervalSeconds, t, s });
  }
  return points;
}

/**
 * The most samples a lesson of this length holds: one at 0 s and one at every interval boundary
 * up to its end (duration / Δ + 1). Null when the lesson's duration is unknown.
 */
export function maxSamples(durationSeconds: number | null, intervalSeconds: number): number | null {
  if (durationSeconds === null || durationSeconds <= 0) return null;
  return Math.floor(durationSeconds / intervalSeconds) + 1;
}

/** The index of the sample taken at a lesson moment (the last boundary at or before it). */
export function sampleIndexAt(lessonMs: number, intervalSeconds: number): number {
  return Math.max(0, Math.floor(lessonMs / (intervalSeconds * 1000)));
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Two codings' samples taken at the same lesson moments, as pairs of codes: every sample when
 * their intervals are equal; otherwise the moments both sampled exactly (multiples of the least
 * common multiple of the two intervals — 0, 60, 120 s for 20 s and 30 s). Used for agreement.
 */
export function alignedSamples(
  a: { codes: string; intervalSeconds: number },
  b: { codes: string; intervalSeconds: number },
): { a: string[]; b: string[]; stepSeconds: number } {
  const step = (a.intervalSeconds * b.intervalSeconds) / gcd(a.intervalSeconds, b.intervalSeconds);
  const ea = step / a.intervalSeconds;
  const eb = step / b.intervalSeconds;
  const count = Math.min(Math.ceil(a.codes.length / ea), Math.ceil(b.codes.length / eb));
  const outA: string[] = [];
  const outB: string[] = [];
  for (let k = 0; k < count; k++) {
    outA.push(a.codes[k * ea] ?? UNCODED);
    outB.push(b.codes[k * eb] ?? UNCODED);
  }
  return { a: outA, b: outB, stepSeconds: step };
}

/**
 * A jump larger than this between two ticks of a playing video is a seek, not playback: nothing
 * is sampled across it. Browsers tick about four times a second and play at most 16×.
 */
const MAX_STEP_MS = 20_000;

/**
 * The sample boundaries (indexes i, at i × interval on the lesson clock) that playback crossed
 * going from `beforeMs` to `nowMs`: those with beforeMs < i × interval ≤ nowMs, within `max`.
 * None when the clock went back or jumped (a seek): seeking never codes.
 */
export function crossedSamples(beforeMs: number, nowMs: number, intervalSeconds: number, max: number | null): number[] {
  if (nowMs <= beforeMs || nowMs - beforeMs > MAX_STEP_MS) return [];
  const step = intervalSeconds * 1000;
  const first = beforeMs < 0 ? 0 : Math.floor(beforeMs / step) + 1;
  const last = Math.floor(nowMs / step);
  const out: number[] = [];
  for (let i = first; i <= last && (max === null || i < max); i++) out.push(i);
  return out;
}
