import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, cvOfSums, gini, giniOfSums, groupFigures, groupFiguresAt, share, villageReach } from './equity-figures.js';

describe('Gini of per-school figures (textbook cases)', () => {
  it('is 0 when every school has the same', () => {
    expect(gini([3, 3, 3, 3])).toBe(0);
  });
  it('is (n−1)/n when one school holds everything: [0,0,0,1] → 3/4', () => {
    // Σ|xi−xj| over ordered pairs = 6 (the 1 against each of three 0s, both ways); 2n²μ = 2·16·¼ = 8 → 6/8.
    expect(gini([0, 0, 0, 1])).toBe(0.75);
    expect(gini([0, 5])).toBe(0.5);
  });
  it('[1,2,3,4] → 0.25', () => {
    // Ordered pairs: |diffs| sum to 2·(1+2+3+1+2+1) = 20; 2n²μ = 2·16·2.5 = 80 → 0.25.
    expect(gini([1, 2, 3, 4])).toBe(0.25);
    expect(gini([4, 1, 3, 2])).toBe(0.25);
  });
  it('[1,1,2,4] → 0.3125', () => {
    // i<j pairs: (1,1)=0 (1,2)=1 (1,4)=3 (1,2)=1 (1,4)=3 (2,4)=2 → 10; both ways 20; 2n²μ = 2·16·2 = 64 → 20/64 = 0.3125.
    expect(gini([1, 1, 2, 4])).toBe(0.3125);
  });
  it('is null for no school or nothing produced', () => {
    expect(gini([])).toBeNull();
    expect(gini([0, 0, 0])).toBeNull();
  });
});

describe('coefficient of variation (校际差异系数, population SD / mean)', () => {
  it('[2,4,4,4,5,5,7,9]: mean 5, population SD 2 → 0.4', () => {
    // The textbook population-SD example: Σ(x−5)² = 9+1+1+1+0+0+4+16 = 32; 32/8 = 4; √4 = 2.
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(0.4);
  });
  it('[0,0,0,1]: mean ¼, SD √(3/16) → √3 ≈ 1.732', () => {
    expect(coefficientOfVariation([0, 0, 0, 1])).toBeCloseTo(Math.sqrt(3), 10);
  });
  it('is 0 for equal schools and null for none or a zero mean', () => {
    expect(coefficientOfVariation([5, 5])).toBe(0);
    expect(coefficientOfVariation([])).toBeNull();
    expect(coefficientOfVariation([0, 0])).toBeNull();
  });
});

describe('group figures and village reach', () => {
  const row = (schoolId: number, produced: number, used: number, featuredUsed = 0) => ({ schoolId, produced, featured: 0, used, featuredUsed });
  it('counts producers and users and keeps idle schools as zeros', () => {
    const g = groupFigures([row(1, 2, 0), row(2, 0, 3), row(3, 0, 0), row(4, 2, 1)]);
    expect(g).toMatchObject({ schools: 4, producers: 2, users: 2, idle: 1, produced: 4, used: 4 });
    expect(g.productionGini).toBe(0.5); // [0,0,2,2]: pairs 0–2 four times, both ways 16; 2·16·1 = 32 → 0.5
  });
  it('reach share over village schools only', () => {
    const r = villageReach([
      { ...row(1, 0, 1, 1), poorVillage: true }, { ...row(2, 0, 2, 0), poorVillage: true },
      { ...row(3, 0, 0, 0), poorVillage: true }, { ...row(4, 0, 5, 5), poorVillage: false },
    ]);
    expect(r).toEqual({ villageSchools: 3, villageReached: 1, villageReach: 1 / 3 });
    expect(share(0, 0)).toBeNull();
  });
});

describe('Gini and CV from sums (the trend, summed by the database)', () => {
  const sumsOf = (xs: number[]) => {
    const active = xs.filter((x) => x > 0).sort((a, b) => a - b);
    return { active: active.length, total: active.reduce((s, x) => s + x, 0), sumSquares: active.reduce((s, x) => s + x * x, 0), rankWeighted: active.reduce((s, x, k) => s + (k + 1) * x, 0) };
  };
  it('agree with the figures of the full list, zeros included', () => {
    for (const xs of [[0, 0, 0, 1], [1, 2, 3, 4], [0, 3, 1, 1, 1, 1, 0], [0, 0, 5, 5, 2, 9, 0, 1]]) {
      expect(giniOfSums(xs.length, sumsOf(xs))).toBeCloseTo(gini(xs)!, 12);
      expect(cvOfSums(xs.length, sumsOf(xs))).toBeCloseTo(coefficientOfVariation(xs)!, 12);
    }
    // [0,0,0,1] by hand: one active school, Σx = 1, Σk·x = 1, z = 3 → 2·(3 + 1)/4 − 5/4 = 3/4.
    expect(giniOfSums(4, { active: 1, total: 1, sumSquares: 1, rankWeighted: 1 })).toBe(0.75);
    expect(giniOfSums(4, { active: 0, total: 0, sumSquares: 0, rankWeighted: 0 })).toBeNull();
  });
});

describe('groupFiguresAt', () => {
  it('gives the figures of groupFigures and villageReach for the schools at the indices', () => {
    const rows = [
      { schoolId: 1, produced: 3, featured: 1, used: 0, featuredUsed: 0, poorVillage: false },
      { schoolId: 2, produced: 0, featured: 0, used: 5, featuredUsed: 2, poorVillage: true },
      { schoolId: 3, produced: 0, featured: 0, used: 0, featuredUsed: 0, poorVillage: true },
      { schoolId: 4, produced: 1, featured: 0, used: 1, featuredUsed: 0, poorVillage: false },
    ];
    const columns = {
      produced: Float64Array.from(rows, (r) => r.produced), used: Float64Array.from(rows, (r) => r.used),
      featuredUsed: Float64Array.from(rows, (r) => r.featuredUsed), poorVillage: Uint8Array.from(rows, (r) => (r.poorVillage ? 1 : 0)),
    };
    const at = [3, 1, 2];
    const picked = at.map((i) => rows[i]!);
    expect(groupFiguresAt(columns, at)).toEqual({ ...groupFigures(picked), ...villageReach(picked) });
    expect(groupFiguresAt(columns, [])).toEqual({ ...groupFigures([]), ...villageReach([]) });
  });
});
