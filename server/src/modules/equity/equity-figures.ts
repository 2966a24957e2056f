/**
 * The pure maths of the equity picture (均衡分析): how concentrated production and use of shared
 * resources are across schools, and how far featured lessons reach the village schools. Every
 * figure is over per-school values in which a school that did nothing counts as 0 — leaving them
 * out would make a city where two schools do everything look perfectly balanced.
 */

/**
 * Gini coefficient of per-school figures (0: every school the same; (n−1)/n: one school holds
 * everything). Population form, mean absolute difference over twice the mean:
 *   G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ),
 * computed from the sorted values as G = 2 Σ i·x₍ᵢ₎ / (n Σx) − (n + 1) / n (i from 1).
 * Null when there is no school or nothing at all happened (the mean is 0: no concentration to speak of).
 */
export function gini(values: ArrayLike<number>): number | null {
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i]!;
  if (n === 0 || total <= 0) return null;
  // A typed array sorts numerically without a comparator: a province's city holds ~1,000 schools.
  const sorted = Float64Array.from(values).sort();
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (i + 1) * sorted[i]!;
  return clean((2 * weighted) / (n * total) - (n + 1) / n);
}

/**
 * 校际差异系数: the coefficient of variation of per-school figures, CV = σ / μ, with σ the
 * POPULATION standard deviation √(Σ (xᵢ − μ)² / n). The schools of a county or city are the whole
 * population the figure describes, not a sample from a larger one, so there is nothing to
 * estimate and no n − 1 (Bessel) correction; the national quality-balance evaluation's 差异系数
 * divides by the total in the same way. Schools weigh one each (not by enrolment): publishing and
 * using a lesson is a school's act. Null when there is no school or the mean is 0.
 */
export function coefficientOfVariation(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  if (mean <= 0) return null;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  const variance = squares / n;
  return clean(Math.sqrt(variance) / mean);
}

/** A share (reached / of), null when there is nobody to reach. */
export function share(reached: number, of: number): number | null {
  return of > 0 ? reached / of : null;
}

/** Rounds away floating-point dust (−1e-17 → 0) so figures compare and print cleanly. */
function clean(x: number): number {
  const r = Math.round(x * 1e12) / 1e12;
  return Object.is(r, -0) ? 0 : r;
}

/** One school's figures for a period. */
export interface SchoolFigures {
  schoolId: number;
  /** Resources it published in the period. */
  produced: number;
  /** Of them, featured (优课 / 精品课). */
  featured: number;
  /** Uses by its people in the period. */
  used: number;
  /** Of them, uses of featured lessons. */
  featuredUsed: number;
}

/** The figures of a group of schools (a region, a kind, a locality group). */
export interface GroupFigures {
  schools: number;
  producers: number;
  users: number;
  /** Schools that neither published nor used anything. */
  idle: number;
  produced: number;
  used: number;
  productionGini: number | null;
  productionCv: number | null;
  useGini: number | null;
  useCv: number | null;
}

/** Producers, users, Gini and CV of production and of use over a group's schools (zeros included). */
export function groupFigures(rows: readonly SchoolFigures[]): GroupFigures {
  const n = rows.length;
  const produced = new Float64Array(n);
  const used = new Float64Array(n);
  let producers = 0; let users = 0; let idle = 0; let producedTotal = 0; let usedTotal = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    produced[i] = r.produced;
    used[i] = r.used;
    producedTotal += r.produced;
    usedTotal += r.used;
    if (r.produced > 0) producers++;
    if (r.used > 0) users++;
    if (r.produced === 0 && r.used === 0) idle++;
  }
  return {
    schools: n, producers, users, idle, produced: producedTotal, used: usedTotal,
    productionGini: gini(produced), productionCv: coefficientOfVariation(produced),
    useGini: gini(used), useCv: coefficientOfVariation(used),
  };
}

/** Village (贫困村) schools that used at least one featured lesson in the period, of all village schools. */
export function villageReach(rows: readonly (SchoolFigures & { poorVillage: boolean })[]) {
  const villages = rows.filter((r) => r.poorVillage);
  const reached = villages.filter((r) => r.featuredUsed > 0).length;
  return { villageSchools: villages.length, villageReached: reached, villageReach: share(reached, villages.length) };
}

/**
 * Sums over the schools that did something (value > 0) in a period, from which the Gini and the
 * CV of all `schools` (the rest count 0) follow without reading school by school: the database
 * sums them (equity-facts usesTrend) for the trend's months.
 */
export interface ConcentrationSums {
  /** Schools with a value above 0. */
  active: number;
  total: number;
  /** Σ x² */
  sumSquares: number;
  /** Σ k·x₍ₖ₎ with k the rank (from 1) among the active schools, ascending. */
  rankWeighted: number;
}

/**
 * The Gini of `schools` values of which only `sums.active` are above 0: the z = n − m zeros take
 * the lowest ranks, so Σ i·x₍ᵢ₎ = z·Σx + Σ k·x₍ₖ₎ and G = 2 Σ i·x₍ᵢ₎ / (n Σx) − (n + 1) / n, as gini().
 */
export function giniOfSums(schools: number, sums: ConcentrationSums): number | null {
  if (schools <= 0 || sums.total <= 0) return null;
  const zeros = schools - sums.active;
  return clean((2 * (zeros * sums.total + sums.rankWeighted)) / (schools * sums.total) - (schools + 1) / schools);
}

/** The CV (population SD / mean) of `schools` values from Σx and Σx², as coefficientOfVariation(). */
export function cvOfSums(schools: number, sums: Pick<ConcentrationSums, 'total' | 'sumSquares'>): number | null {
  if (schools <= 0) return null;
  const mean = sums.total / schools;
  if (mean <= 0) return null;
  const variance = Math.max(0, sums.sumSquares / schools - mean * mean);
  return clean(Math.sqrt(variance) / mean);
}

/** Per-school figures as columns (index i: one school), for grouping many schools without an object each. */
export interface FigureColumns {
  produced: Float64Array;
  used: Float64Array;
  featuredUsed: Float64Array;
  /** 1 for a 贫困村 school. */
  poorVillage: Uint8Array;
}

/**
 * groupFigures and villageReach of the schools at `at` (indices into the columns), in one pass
 * and with the same results: the province page groups 15,000 schools into ~1,400 groups.
 */
export function groupFiguresAt(c: FigureColumns, at: ArrayLike<number>) {
  const n = at.length;
  const produced = new Float64Array(n);
  const used = new Float64Array(n);
  let producers = 0; let users = 0; let idle = 0; let producedTotal = 0; let usedTotal = 0; let villages = 0; let reached = 0;
  for (let k = 0; k < n; k++) {
    const i = at[k]!;
    const p = c.produced[i]!; const u = c.used[i]!;
    produced[k] = p; used[k] = u;
    producedTotal += p; usedTotal += u;
    if (p > 0) producers++;
    if (u > 0) users++;
    if (p === 0 && u === 0) idle++;
    if (c.poorVillage[i]) { villages++; if (c.featuredUsed[i]! > 0) reached++; }
  }
  return {
    schools: n, producers, users, idle, produced: producedTotal, used: usedTotal,
    productionGini: gini(produced), productionCv: coefficientOfVariation(produced),
    useGini: gini(used), useCv: coefficientOfVariation(used),
    villageSchools: villages, villageReached: reached, villageReach: share(reached, villages),
  };
}
