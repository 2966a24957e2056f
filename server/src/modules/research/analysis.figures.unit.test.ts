import { describe, expect, it } from 'vitest';
import { activitiesByOwner, addSt, emptySt, stByOwner } from './analysis.figures.js';

describe('research analysis: figures per owner', () => {
  it('types a lesson coded twice by the mean of its codings, and counts every coding', () => {
    const st = stByOwner([
      { owner: 1, lesson: 'a', codes: 'TTTTTTTTTT' }, // Rt 1, Ch 0
      { owner: 1, lesson: 'a', codes: 'TTTTTSSSSS' }, // Rt .5, Ch .1 → the lesson: Rt .75, Ch .05, a lecture
      { owner: 1, lesson: 'b', codes: 'SSSS' }, // practice
      { owner: 1, lesson: 'c', codes: '----' }, // a coding with nothing coded: no lesson type
      { owner: 2, lesson: 'd', codes: 'TSTSTSTSTS' },
    ]);
    expect(st.get(1)).toEqual({ codings: 4, lessons: 2, types: { practice: 1, lecture: 1, dialogue: 0, mixed: 0 }, meanRt: 0.375, meanCh: 0.025 });
    expect(st.get(2)).toEqual({ codings: 1, lessons: 1, types: { practice: 0, lecture: 0, dialogue: 1, mixed: 0 }, meanRt: 0.5, meanCh: 0.9 });
  });

  it('reads each coding as st-analysis.ts does: D half the teacher\'s, uncoded samples skipped', () => {
    // DDDD: Rt .5, Ch 0 (mixed); --TT-: Rt 1, Ch 0 (lecture).
    expect(stByOwner([{ owner: 1, lesson: 'a', codes: 'DDDD' }]).get(1)).toMatchObject({ lessons: 1, types: { mixed: 1 }, meanRt: 0.5, meanCh: 0 });
    expect(stByOwner([{ owner: 1, lesson: 'a', codes: '--TT-' }]).get(1)).toMatchObject({ lessons: 1, types: { lecture: 1 }, meanRt: 1 });
  });

  it('adds two owners\' S-T figures, weighting the means by coded lessons', () => {
    const a = stByOwner([{ owner: 1, lesson: 'a', codes: 'TTTT' }, { owner: 1, lesson: 'b', codes: 'TTTT' }]).get(1)!;
    const b = stByOwner([{ owner: 2, lesson: 'c', codes: 'SSSS' }]).get(2)!;
    expect(addSt(a, b)).toMatchObject({ codings: 3, lessons: 3, meanRt: 0.6667, meanCh: 0 });
    expect(addSt(emptySt(), emptySt())).toEqual(emptySt());
  });

  it('adds activities by kind to the owner\'s total', () => {
    const acts = activitiesByOwner([
      { owner: 7, kind: 'same_topic', activities: 2, organised: 1 },
      { owner: 7, kind: 'joint_prep', activities: 1, organised: 0 },
    ]);
    expect(acts.get(7)).toEqual({ total: 3, organised: 1, byKind: { joint_prep: 1, same_topic: 2, open_lesson: 0, lesson_review: 0 } });
  });
});
