import { describe, expect, it } from 'vitest';
import { icc21, krippendorffAlphaInterval, spreadOf, type Ratings } from './rubric-agreement.js';

/** Rows of raters (as the papers print them) turned into rows of units. */
const byUnit = (byRater: (number | null)[][]): Ratings => byRater[0]!.map((_, u) => byRater.map((r) => r[u]!));

describe("Krippendorff's alpha, interval metric", () => {
  // K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), example C: four
  // observers, twelve units, values 1–5, missing data (*). The paper gives α = 0.743 (nominal),
  // 0.815 (ordinal), 0.849 (interval), 0.797 (ratio).
  const _ = null;
  const example = byUnit([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ]);

  it('gives the paper\'s 0.849 for its example C', () => {
    const r = krippendorffAlphaInterval(example);
    expect(r.alpha).toBeCloseTo(0.849, 3);
    // Unit 12 has one value only: not pairable. n = 40 pairable values in 11 units.
    expect(r).toMatchObject({ units: 11, values: 40, raters: 4 });
  });

  it('is the same when the scale is shifted and stretched (interval data)', () => {
    const moved = example.map((row) => row.map((v) => (v === null ? null : 10 + 2.5 * v)));
    expect(krippendorffAlphaInterval(moved).alpha).toBeCloseTo(krippendorffAlphaInterval(example).alpha!, 10);
  });

  it('is 1 for perfect agreement, null when nothing varies or nothing pairs', () => {
    expect(krippendorffAlphaInterval([[3, 3, 3], [4, 4, 4], [2, 2, null]]).alpha).toBe(1);
    expect(krippendorffAlphaInterval([[3, 3], [3, 3]]).alpha).toBeNull();
    expect(krippendorffAlphaInterval([[3, null], [null, 4]])).toMatchObject({ alpha: null, units: 0, values: 0 });
    expect(krippendorffAlphaInterval([])).toMatchObject({ alpha: null, units: 0 });
  });

  it('falls below zero when observers disagree more than chance', () => {
    expect(krippendorffAlphaInterval([[1, 5], [5, 1], [1, 5], [5, 1]]).alpha!).toBeLessThan(0);
  });
});

describe('ICC(2,1), two-way random, absolute agreement', () => {
  // P. E. Shrout & J. L. Fleiss (1979), Table 2: six targets rated by four judges. Their Table 4
  // gives ICC(2,1) = 0.29 and ICC(2,4) = 0.62 (and ICC(1,1) = 0.17, ICC(3,1) = 0.71).
  const table2: Ratings = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];

  it('gives the paper\'s ICC(2,1) = 0.29 and ICC(2,4) = 0.62', () => {
    const r = icc21(table2);
    expect(r.icc).toBeCloseTo(0.29, 2);
    expect(r.iccMean).toBeCloseTo(0.62, 2);
    expect(r).toMatchObject({ targets: 6, raters: 4 });
    // To four places, from the paper's mean squares BMS 11.24, JMS 32.49, EMS 1.02.
    expect(r.icc).toBeCloseTo(0.2898, 3);
  });

  it('uses only the rows every rater scored, and leaves out a rater who scored nothing', () => {
    const withGaps: Ratings = [...table2.map((row) => [...row, null]), [1, null, 3, 4, null]];
    expect(icc21(withGaps)).toMatchObject({ targets: 6, raters: 4 });
    expect(icc21(withGaps).icc).toBeCloseTo(icc21(table2).icc!, 10);
  });

  it('is 1 for identical raters, null with too little data or no variance', () => {
    expect(icc21([[1, 1], [2, 2], [4, 4]]).icc).toBeCloseTo(1, 10);
    expect(icc21([[1, 2]]).icc).toBeNull();
    expect(icc21([[1], [2]]).icc).toBeNull();
    expect(icc21([[3, 3], [3, 3]]).icc).toBeNull();
  });
});

describe('the spread of one item', () => {
  it('gives mean, sample SD, min, max and range', () => {
    expect(spreadOf([4, 3, 2])).toEqual({ n: 3, mean: 3, sd: 1, min: 2, max: 4, range: 2 });
    expect(spreadOf([5])).toEqual({ n: 1, mean: 5, sd: null, min: 5, max: 5, range: 0 });
    expect(spreadOf([])).toEqual({ n: 0, mean: null, sd: null, min: null, max: null, range: null });
  });
});
