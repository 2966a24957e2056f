import type { SchoolKind } from '../../../../shared/domain.js';

/**
 * What counts as a recorded lesson for the ≥2-per-school-day quota. This is the ONE place the rule
 * lives: the pipeline stores its answer on each recording (`counts`, `counts_reason`) and
 * supervision reads those columns, so nobody re-derives it. Counting once per group of tracks is
 * the compliance query's job (DISTINCT group_id).
 */
export interface CountingInput {
  status: 'queued' | 'processing' | 'ready' | 'failed';
  schoolKind: SchoolKind;
  durationSeconds: number | null;
  hasAudio: boolean;
  /** Peak audio level measured while packaging (ffmpeg volumedetect), in dB; null when unmeasured. */
  audioMaxDb: number | null;
  /** Asia/Shanghai date the lesson started, YYYY-MM-DD. */
  lessonStartDay: string;
  /** The school day the recording is filed under, YYYY-MM-DD. */
  schoolDay: string;
}

export interface CountingRules {
  /** Minimum lesson length in minutes for primary schools and up. */
  minMinutes: number;
  /** Minimum lesson length in minutes for kindergartens. */
  minMinutesKindergarten: number;
  /** True when a peak level means silence (media's isSilent). */
  isSilent: (maxDb: number) => boolean;
}

export interface CountingResult {
  counts: boolean;
  /** Why it does not count (Chinese, with the numbers); null when it counts. */
  reason: string | null;
}

const no = (reason: string): CountingResult => ({ counts: false, reason });

/** Decides whether a recording counts as a recorded lesson, and says why not. */
export function countsAsLesson(input: CountingInput, rules: CountingRules): CountingResult {
  if (input.status === 'failed') return no('录像处理失败，不计入录播课');
  if (input.status !== 'ready') return no('录像尚未处理完成，处理完成后再判断是否计入');
  if (input.lessonStartDay !== input.schoolDay) {
    return no(`课程开始于 ${input.lessonStartDay}，不属于 ${input.schoolDay} 这个教学日，不计入该日录播课`);
  }
  const kindergarten = input.schoolKind === 'kindergarten';
  const minMinutes = kindergarten ? rules.minMinutesKindergarten : rules.minMinutes;
  const seconds = input.durationSeconds ?? 0;
  if (seconds < minMinutes * 60) {
    const who = kindergarten ? '幼儿园' : '';
    return no(`录像时长 ${Math.floor(seconds / 60)} 分钟，少于计入${who}录播课所需的 ${minMinutes} 分钟`);
  }
  if (!input.hasAudio) return no('录像没有音频，不计入录播课（请检查录播主机的拾音设备）');
  if (input.audioMaxDb === null) return no('未能测得音频音量，不计入录播课');
  if (rules.isSilent(input.audioMaxDb)) {
    return no(`音频为静音（最大音量 ${Math.round(input.audioMaxDb)} dB），不计入录播课（请检查录播主机的拾音设备）`);
  }
  return { counts: true, reason: null };
}
