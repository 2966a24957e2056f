/**
 * Cohen's kappa: the agreement of two coders who each put the same items into categories,
 * corrected for the agreement their category frequencies alone would give by chance:
 * κ = (pₒ − pₑ) / (1 − pₑ). Used for two observers' S-T codings and for the automatic draft
 * against a human coding. Items either coder left uncoded are skipped; `items` says how many
 * were compared. Where chance agreement is already total (both coders used one and the same
 * category throughout) κ is undefined: null, with `observed` still telling the raw agreement.
 */
export interface KappaResult {
  kappa: number | null;
  /** pₒ, the share of items both coders put in the same category. */
  observed: number | null;
  items: number;
}

export function cohensKappa(a: readonly string[], b: readonly string[], uncoded: ReadonlySet<string> = new Set(['-'])): KappaResult {
  const n = Math.min(a.length, b.length);
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  let items = 0;
  let same = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (uncoded.has(x) || uncoded.has(y)) continue;
    items++;
    if (x === y) same++;
    countsA.set(x, (countsA.get(x) ?? 0) + 1);
    countsB.set(y, (countsB.get(y) ?? 0) + 1);
  }
  if (items === 0) return { kappa: null, observed: null, items: 0 };
  const observed = same / items;
  let expected = 0;
  for (const [category, countA] of countsA) expected += (countA / items) * ((countsB.get(category) ?? 0) / items);
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, items };
}
