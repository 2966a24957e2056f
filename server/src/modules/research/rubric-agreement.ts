/**
 * How far observers who scored the same lesson on an observation rubric agree. Pure functions on a
 * ratings matrix: one row per unit (a rubric item of a lesson), one column per rater (observer),
 * null where that observer has not scored that item.
 *
 * Two coefficients, both shown with the number of observers and items they rest on:
 * - Krippendorff's alpha with the interval metric: any number of observers, missing scores
 *   allowed (a half-finished sheet still counts), so it is the figure the activity page leads with.
 * - ICC(2,1) of Shrout & Fleiss (two-way random effects, single rater, absolute agreement), the
 *   figure teacher-evaluation studies usually report; it needs a complete matrix, so it is taken
 *   over the items every observer has scored.
 */
export type Ratings = readonly (readonly (number | null)[])[];

export interface AlphaResult {
  /** α = 1 − Dₒ/Dₑ; null when no disagreement could be expected (fewer than two pairable values, or all values equal). */
  alpha: number | null;
  /** Units that at least two raters scored (only those can be compared). */
  units: number;
  /** n: the values in those units. */
  values: number;
  /** Raters with at least one value in a pairable unit. */
  raters: number;
}

/**
 * Krippendorff's alpha, interval metric δ²(c,k) = (c − k)², following K. Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability" (Annenberg School for Communication, University of
 * Pennsylvania, 2011-01-25), section C ("Any number of observers, missing data"):
 *   Dₒ = (1/n) Σᵤ (1/(mᵤ − 1)) Σ_{i≠j in u} δ²(vᵢ, vⱼ)     over units with mᵤ ≥ 2 values,
 *   Dₑ = (1/(n(n − 1))) Σ_{i≠j over all n pairable values} δ²(vᵢ, vⱼ),
 *   α = 1 − Dₒ/Dₑ,
 * which is the paper's coincidence-matrix form written over values. For the interval metric the
 * sum over ordered pairs of a set of m values is 2(m·Σv² − (Σv)²), so both sums are linear.
 */
export function krippendorffAlphaInterval(ratings: Ratings): AlphaResult {
  let n = 0;
  let units = 0;
  let within = 0;
  let sum = 0;
  let sumSq = 0;
  const raters = new Set<number>();
  for (const row of ratings) {
    const values: number[] = [];
    const who: number[] = [];
    row.forEach((v, rater) => {
      if (v !== null && Number.isFinite(v)) {
        values.push(v);
        who.push(rater);
      }
    });
    const m = values.length;
    if (m < 2) continue;
    units++;
    n += m;
    for (const r of who) raters.add(r);
    const s = values.reduce((a, b) => a + b, 0);
    const s2 = values.reduce((a, b) => a + b * b, 0);
    within += (2 * (m * s2 - s * s)) / (m - 1);
    sum += s;
    sumSq += s2;
  }
  if (n < 2) return { alpha: null, units, values: n, raters: raters.size };
  const observed = within / n;
  const expected = (2 * (n * sumSq - sum * sum)) / (n * (n - 1));
  // Rounding can leave a hair of "expected disagreement" where every value is the same.
  if (expected <= 1e-12) return { alpha: null, units, values: n, raters: raters.size };
  return { alpha: 1 - observed / expected, units, values: n, raters: raters.size };
}

export interface IccResult {
  /** ICC(2,1): the reliability of one observer's score; null when it cannot be computed. */
  icc: number | null;
  /** ICC(2,k): the reliability of the mean of the k observers. */
  iccMean: number | null;
  /** n: targets (rows) scored by every rater. */
  targets: number;
  /** k: raters. */
  raters: number;
}

/**
 * ICC(2,1) and ICC(2,k): two-way random effects, absolute agreement, from the two-way ANOVA
 * without replication, as in P. E. Shrout & J. L. Fleiss, "Intraclass correlations: uses in
 * assessing rater reliability", Psychological Bulletin 86(2), 420–428 (1979), Table 1 and
 * equations for Case 2 (McGraw & Wong 1996 call it ICC(A,1)):
 *   ICC(2,1) = (BMS − EMS) / (BMS + (k − 1)·EMS + k·(JMS − EMS)/n)
 *   ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS)/n)
 * with BMS the between-targets, JMS the between-judges and EMS the residual mean squares.
 * Only rows every rater scored are used (the ANOVA needs a complete matrix); a rater who scored
 * nothing is left out first. Null with fewer than two targets or raters, or with no variance.
 */
export function icc21(ratings: Ratings): IccResult {
  const width = Math.max(0, ...ratings.map((r) => r.length));
  const activeRaters = [...Array(width).keys()].filter((j) => ratings.some((row) => isValue(row[j])));
  const k = activeRaters.length;
  const rows = ratings
    .map((row) => activeRaters.map((j) => row[j]))
    .filter((row): row is number[] => row.every(isValue));
  const n = rows.length;
  if (n < 2 || k < 2) return { icc: null, iccMean: null, targets: n, raters: k };
  const grand = rows.flat().reduce((a, b) => a + b, 0) / (n * k);
  const rowMeans = rows.map((r) => r.reduce((a, b) => a + b, 0) / k);
  const colMeans = activeRaters.map((_, j) => rows.reduce((a, r) => a + r[j]!, 0) / n);
  const ssTotal = rows.flat().reduce((a, v) => a + (v - grand) ** 2, 0);
  const ssRows = k * rowMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const bms = ssRows / (n - 1);
  const jms = ssCols / (k - 1);
  const ems = (ssTotal - ssRows - ssCols) / ((n - 1) * (k - 1));
  const single = bms + (k - 1) * ems + (k * (jms - ems)) / n;
  const mean = bms + (jms - ems) / n;
  return {
    icc: Math.abs(single) > 1e-12 ? (bms - ems) / single : null,
    iccMean: Math.abs(mean) > 1e-12 ? (bms - ems) / mean : null,
    targets: n,
    raters: k,
  };
}

function isValue(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v);
}

export interface Spread {
  /** Observers who scored the item. */
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1 in the denominator, Excel's STDEV.S); null below two scores. */
  sd: number | null;
  min: number | null;
  max: number | null;
  /** max − min. */
  range: number | null;
}

/** Mean and spread of one item's scores across observers, for showing where observers disagree. */
export function spreadOf(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, min: null, max: null, range: null };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { n, mean, sd, min, max, range: max - min };
}
