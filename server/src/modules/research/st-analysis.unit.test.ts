import { describe, expect, it } from 'vitest';
import { analyseCodes, codingAgreement, crossedSamples, isCodeString, lessonType, maxSamples, sampleIndexAt, stCurve } from './st-analysis.js';

describe('S-T analysis: Rt, Ch and the lesson type', () => {
  it('a lecture-led lesson, worked by the definitions of 傅德荣、章慧敏 (2001): N, N_T, runs → Rt, Ch, 讲授型', () => {
    // 20 samples at 30 s (10 minutes): 5 T, 2 S, 4 T, 3 S, 6 T — five runs (连).
    const f = analyseCodes('TTTTTSSTTTTSSSTTTTTT');
    expect(f).toMatchObject({ n: 20, nT: 15, nS: 5, nD: 0, uncoded: 0, runs: 5 });
    expect(f.rt).toBeCloseTo(15 / 20); // Rt = N_T / N = 0.75
    expect(f.ch).toBeCloseTo((5 - 1) / 20); // Ch = (g − 1) / N = 0.2
    expect(f.type).toBe('lecture'); // Rt ≥ 0.7
  });

  it('with D, agrees with the improved practice: Rt = (N_T + N_D/2) / N, Ch = changes between T, S and D / N', () => {
    const codes = 'TTDDSSDTTSSSDDTT';
    const f = analyseCodes(codes);
    const count = (c: string) => [...codes].filter((x) => x === c).length;
    let changes = 0;
    for (let i = 1; i < codes.length; i++) if (codes[i] !== codes[i - 1]) changes++;
    expect(f).toMatchObject({ n: 16, nT: 6, nS: 5, nD: 5 });
    expect(f.rt).toBeCloseTo((count('T') + count('D') / 2) / codes.length);
    expect(f.ch).toBeCloseTo(changes / codes.length);
    expect(f.ch).toBeCloseTo((f.runs - 1) / f.n);
    expect(f.rt).toBeCloseTo(8.5 / 16);
    expect(f.ch).toBeCloseTo(7 / 16); // ≥ 0.4: 对话型
    expect(f.type).toBe('dialogue');
  });

  it('all T: Rt 1, Ch 0, 讲授型; all S: Rt 0, Ch 0, 练习型', () => {
    expect(analyseCodes('T'.repeat(80))).toMatchObject({ n: 80, runs: 1, rt: 1, ch: 0, type: 'lecture' });
    expect(analyseCodes('S'.repeat(80))).toMatchObject({ n: 80, runs: 1, rt: 0, ch: 0, type: 'practice' });
  });

  it('alternating T and S: Rt 0.5, Ch (N − 1)/N, 对话型', () => {
    const f = analyseCodes('TS'.repeat(40));
    expect(f.rt).toBe(0.5);
    expect(f.ch).toBeCloseTo(79 / 80);
    expect(f.type).toBe('dialogue');
  });

  it('half T then half S: few changes, 混合型', () => {
    expect(analyseCodes('TTTTTSSSSS')).toMatchObject({ rt: 0.5, ch: 0.1, type: 'mixed' });
  });

  it('nothing coded: no figures and no type, however long the string', () => {
    expect(analyseCodes('')).toEqual({ n: 0, nT: 0, nS: 0, nD: 0, uncoded: 0, runs: 0, rt: null, ch: null, type: null });
    expect(analyseCodes('-----')).toMatchObject({ n: 0, uncoded: 5, rt: null, ch: null, type: null });
  });

  it('uncoded samples are left out: they neither count in N nor break a run', () => {
    expect(analyseCodes('TT--TT-S')).toMatchObject({ n: 5, nT: 4, nS: 1, uncoded: 3, runs: 2, rt: 0.8, ch: 0.2, type: 'lecture' });
  });

  it('the thresholds are inclusive as the book writes them, and Ch ≥ 0.4 is dialogue whatever Rt', () => {
    expect(lessonType(0.3, 0.1)).toBe('practice');
    expect(lessonType(0.3001, 0.1)).toBe('mixed');
    expect(lessonType(0.7, 0.1)).toBe('lecture');
    expect(lessonType(0.6999, 0.3999)).toBe('mixed');
    expect(lessonType(0.6, 0.4)).toBe('dialogue');
    // Where the book's conditions overlap (Rt ≤ 0.3 and Ch ≥ 0.4), the Rt-Ch diagram says dialogue.
    const f = analyseCodes('TSSS'.repeat(5));
    expect(f.rt).toBe(0.25);
    expect(f.ch).toBeCloseTo(9 / 20);
    expect(f.type).toBe('dialogue');
  });

  it('accepts only T, S, D and -', () => {
    expect(isCodeString('TSD-')).toBe(true);
    expect(isCodeString('')).toBe(true);
    expect(isCodeString('tsd')).toBe(false);
    expect(isCodeString('T S')).toBe(false);
    expect(isCodeString('TX')).toBe(false);
  });
});

describe('S-T curve and the lesson clock', () => {
  it('moves one interval along T or S per sample, half along each for D, and stands still where uncoded', () => {
    expect(stCurve('TDS-T', 30)).toEqual([
      { atSeconds: 0, t: 0, s: 0 },
      { atSeconds: 30, t: 30, s: 0 },
      { atSeconds: 60, t: 45, s: 15 },
      { atSeconds: 90, t: 45, s: 45 },
      { atSeconds: 120, t: 45, s: 45 },
      { atSeconds: 150, t: 75, s: 45 },
    ]);
  });

  it('ends at (Rt·N, (1 − Rt)·N) intervals', () => {
    const codes = 'TTDSSSDTTT';
    const end = stCurve(codes, 30).at(-1)!;
    const f = analyseCodes(codes);
    expect(end.t / 30).toBeCloseTo(f.rt! * f.n);
    expect(end.s / 30).toBeCloseTo((1 - f.rt!) * f.n);
  });

  it('a 45-minute lesson holds 91 samples at 30 s; sample i is taken at i·Δ', () => {
    expect(maxSamples(45 * 60, 30)).toBe(91);
    expect(maxSamples(2700 + 29, 30)).toBe(91);
    expect(maxSamples(null, 30)).toBeNull();
    expect(sampleIndexAt(0, 30)).toBe(0);
    expect(sampleIndexAt(29_999, 30)).toBe(0);
    expect(sampleIndexAt(30_000, 30)).toBe(1);
    expect(sampleIndexAt(-5, 30)).toBe(0);
  });
});

describe('sampling while the lesson plays', () => {
  it('takes the boundaries playback crossed between two ticks, on the lesson clock', () => {
    expect(crossedSamples(-1, 250, 30, null)).toEqual([0]); // playing from the start takes the sample at 0 s
    expect(crossedSamples(29_800, 30_050, 30, null)).toEqual([1]);
    expect(crossedSamples(30_050, 30_300, 30, null)).toEqual([]);
    expect(crossedSamples(29_999, 30_000, 30, null)).toEqual([1]); // a boundary is taken when reached
  });

  it('at 16× speed (4 s of lesson a tick) or a late tick, every boundary crossed is taken', () => {
    expect(crossedSamples(58_000, 62_000, 10, null)).toEqual([6]);
    expect(crossedSamples(9_000, 21_000, 10, null)).toEqual([1, 2]);
  });

  it('takes nothing when the clock went back or jumped (a seek), and nothing past the lesson', () => {
    expect(crossedSamples(90_000, 20_000, 30, null)).toEqual([]);
    expect(crossedSamples(20_000, 900_000, 30, null)).toEqual([]);
    expect(crossedSamples(2_699_000, 2_701_000, 30, 91)).toEqual([90]);
    expect(crossedSamples(2_729_000, 2_731_000, 30, 91)).toEqual([]);
  });
});

describe('two observers: agreement of their codings', () => {
  it('Cohen\'s kappa over the samples both coded', () => {
    // Observed 5/6; chance (3·4 + 2·1 + 1·1)/36 = 15/36; κ = (30/36 − 15/36)/(21/36) = 15/21.
    const r = codingAgreement({ codes: 'TTSSTD', intervalSeconds: 30 }, { codes: 'TTSTTD', intervalSeconds: 30 });
    expect(r.items).toBe(6);
    expect(r.observed).toBeCloseTo(5 / 6);
    expect(r.kappa).toBeCloseTo(15 / 21);
    expect(r.stepSeconds).toBe(30);
  });

  it('identical codings agree fully; samples one coder left out are skipped', () => {
    expect(codingAgreement({ codes: 'TTSSD', intervalSeconds: 30 }, { codes: 'TTSSD', intervalSeconds: 30 }).kappa).toBe(1);
    const gap = codingAgreement({ codes: 'TT-SS', intervalSeconds: 30 }, { codes: 'TTSS-S', intervalSeconds: 30 });
    expect(gap.items).toBe(3);
  });

  it('codings at different intervals are compared at the moments both sampled', () => {
    // 30 s and 20 s: both sampled at 0, 60 and 120 s.
    const r = codingAgreement({ codes: 'TSTSTS', intervalSeconds: 30 }, { codes: 'TTTSSSTTT', intervalSeconds: 20 });
    expect(r.stepSeconds).toBe(60);
    expect(r.items).toBe(3);
    expect(r.observed).toBeCloseTo(2 / 3);
  });

  it('nothing in common: no kappa, no items', () => {
    expect(codingAgreement({ codes: '', intervalSeconds: 30 }, { codes: 'TTT', intervalSeconds: 30 })).toMatchObject({ kappa: null, observed: null, items: 0 });
  });
});
