import { describe, expect, it } from 'vitest';
import { type CountingInput, countsAsLesson, type CountingRules } from './counting.js';

const rules: CountingRules = { minMinutes: 30, minMinutesKindergarten: 15, isSilent: (db) => db <= -60 };
const lesson: CountingInput = {
  status: 'ready', schoolKind: 'primary', durationSeconds: 40 * 60, hasAudio: true, audioMaxDb: -12,
  lessonStartDay: '2018-04-04', schoolDay: '2018-04-04',
};

describe('countsAsLesson', () => {
  it('counts a ready 40-minute primary lesson with sound', () => {
    expect(countsAsLesson(lesson, rules)).toEqual({ counts: true, reason: null, reasonCode: null, reasonValues: null });
  });

  it('does not count before the lesson is ready, nor a failed one', () => {
    expect(countsAsLesson({ ...lesson, status: 'processing' }, rules).counts).toBe(false);
    expect(countsAsLesson({ ...lesson, status: 'failed' }, rules)).toEqual({ counts: false, reason: '录像处理失败，不计入录播课', reasonCode: 'failed', reasonValues: null });
  });

  it('says how short a lesson was against the minimum of its school kind', () => {
    expect(countsAsLesson({ ...lesson, durationSeconds: 12 * 60 + 40 }, rules))
      .toEqual({ counts: false, reason: '录像时长 12 分钟，少于计入录播课所需的 30 分钟', reasonCode: 'too_short', reasonValues: { minutes: 12, minMinutes: 30 } });
    expect(countsAsLesson({ ...lesson, durationSeconds: 30 * 60 }, rules).counts).toBe(true);
    expect(countsAsLesson({ ...lesson, durationSeconds: 30 * 60 - 1 }, rules).counts).toBe(false);
    const kg = { ...lesson, schoolKind: 'kindergarten' as const, durationSeconds: 16 * 60 };
    expect(countsAsLesson(kg, rules).counts).toBe(true);
    expect(countsAsLesson({ ...kg, durationSeconds: 10 * 60 }, rules).reason).toBe('录像时长 10 分钟，少于计入幼儿园录播课所需的 15 分钟');
    expect(countsAsLesson({ ...lesson, durationSeconds: null }, rules).counts).toBe(false);
  });

  it('does not count a silent lesson or one without audio, and gives the level', () => {
    expect(countsAsLesson({ ...lesson, audioMaxDb: -91 }, rules))
      .toEqual({ counts: false, reason: '音频为静音（最大音量 -91 dB），不计入录播课（请检查录播主机的拾音设备）', reasonCode: 'silent', reasonValues: { maxDb: -91 } });
    expect(countsAsLesson({ ...lesson, hasAudio: false, audioMaxDb: null }, rules).reason).toMatch(/没有音频/);
    expect(countsAsLesson({ ...lesson, audioMaxDb: null }, rules).counts).toBe(false);
  });

  it('does not count a lesson filed under another school day', () => {
    expect(countsAsLesson({ ...lesson, schoolDay: '2018-04-05' }, rules)).toMatchObject({
      reason: expect.stringMatching(/2018-04-04.*2018-04-05/), reasonCode: 'other_day', reasonValues: { startDay: '2018-04-04', schoolDay: '2018-04-05' },
    });
  });

  it('never counts a copy of another school\'s file, even before it is processed', () => {
    for (const status of ['queued', 'ready'] as const) {
      expect(countsAsLesson({ ...lesson, status, copyOfOtherSchool: true }, rules)).toMatchObject({
        counts: false, reasonCode: 'duplicate_of_other_school', reason: expect.stringContaining('其他学校'),
      });
    }
  });

  it('does not count a lesson black or frozen for more than half its length, and gives the share', () => {
    expect(countsAsLesson({ ...lesson, visual: { blackShare: 0.97, frozenShare: 1 } }, rules)).toEqual({
      counts: false, reason: '画面黑屏的时长占录像的 97%，超过一半，不计入录播课（请检查摄像机是否被遮挡或损坏）',
      reasonCode: 'visual_black', reasonValues: { percent: 97 },
    });
    expect(countsAsLesson({ ...lesson, visual: { blackShare: 0, frozenShare: 0.8 } }, rules)).toMatchObject({
      counts: false, reasonCode: 'visual_frozen', reasonValues: { percent: 80 }, reason: expect.stringContaining('80%'),
    });
    expect(countsAsLesson({ ...lesson, visual: { blackShare: 0.5, frozenShare: 0.5 } }, rules).counts).toBe(true);
    expect(countsAsLesson({ ...lesson, visual: null }, rules).counts).toBe(true);
    // A reason found earlier stays the one given.
    expect(countsAsLesson({ ...lesson, durationSeconds: 60, visual: { blackShare: 1, frozenShare: 1 } }, rules).reasonCode).toBe('too_short');
  });
});
