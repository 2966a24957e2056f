import { describe, expect, it } from 'vitest';
import { cohensKappa } from './agreement.js';

const repeat = (code: string, times: number) => Array.from({ length: times }, () => code);

describe("Cohen's kappa", () => {
  it('gives the textbook value: 50 items, 20 both yes, 15 both no, 5 and 10 apart → κ = 0.4', () => {
    // Cohen (1960) as worked in every statistics text: pₒ = 0.7, pₑ = 0.5·0.6 + 0.5·0.4 = 0.5.
    const a = [...repeat('Y', 20), ...repeat('Y', 5), ...repeat('N', 10), ...repeat('N', 15)];
    const b = [...repeat('Y', 20), ...repeat('N', 5), ...repeat('Y', 10), ...repeat('N', 15)];
    const result = cohensKappa(a, b);
    expect(result.items).toBe(50);
    expect(result.observed).toBeCloseTo(0.7, 10);
    expect(result.kappa).toBeCloseTo(0.4, 10);
  });

  it('is 1 for identical codings and below 0 for systematic disagreement', () => {
    const coding = 'TTSSDTTSDT'.split('');
    expect(cohensKappa(coding, coding).kappa).toBeCloseTo(1, 10);
    expect(cohensKappa('TSTSTS'.split(''), 'STSTST'.split('')).kappa).toBeCloseTo(-1, 10);
  });

  it('skips intervals either coder left uncoded and compares the common length', () => {
    const result = cohensKappa('TT-SS'.split(''), 'TTSTSTT'.split(''));
    expect(result.items).toBe(4);
    expect(result.observed).toBeCloseTo(3 / 4, 10);
  });

  it('is undefined when both coders used one and the same category throughout', () => {
    expect(cohensKappa(repeat('T', 10), repeat('T', 10))).toEqual({ kappa: null, observed: 1, items: 10 });
    expect(cohensKappa(['-'], ['T'])).toEqual({ kappa: null, observed: null, items: 0 });
  });
});
