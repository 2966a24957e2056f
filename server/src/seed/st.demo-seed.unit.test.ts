import { describe, expect, it } from 'vitest';
import { analyseCodes, codingAgreement } from '../modules/research/st-analysis.js';
import { SeededRandom } from './seeded-random.js';
import { demoCodes, secondObserver } from './st.demo-seed.js';

describe('the demo\'s S-T codings', () => {
  it('give a lecture, a dialogue and a mixed lesson their types, at full length', () => {
    const rnd = new SeededRandom(20261206);
    for (const [style, type] of [['lecture', 'lecture'], ['dialogue', 'dialogue'], ['mixed', 'mixed']] as const) {
      const codes = demoCodes(rnd, 81, style);
      expect(codes).toHaveLength(81);
      expect(analyseCodes(codes).type, `${style}: ${codes}`).toBe(type);
    }
  });

  it('make a second observer who mostly agrees with the first', () => {
    const rnd = new SeededRandom(7);
    const first = demoCodes(rnd, 81, 'mixed');
    const agreement = codingAgreement({ codes: first, intervalSeconds: 30 }, { codes: secondObserver(rnd, first), intervalSeconds: 30 });
    expect(agreement.kappa).toBeGreaterThan(0.6);
    expect(agreement.kappa).toBeLessThan(1);
  });
});
