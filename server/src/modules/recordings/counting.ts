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
  /** The same file was uploaded earlier by another school (recordings.reuse = 'copy'). */
  copyOfOtherSchool?: boolean;
  /** The keyframe picture check's shares of the duration (0–1); null until it has run. */
  visual?: { blackShare: number; frozenShare: number } | null;
}

export interface CountingRules {
  /** Minimum lesson length in minutes for primary schools and up. */
  minMinutes: number;
  /** Minimum lesson length in minutes for kindergartens. */
  minMinutesKindergarten: number;
  /** True when a peak level means silence (media's isSilent). */
  isSilent: (maxDb: number) => boolean;
}

/** Why a recording does not count, for each language to word itself (the web's `countsReasons`). */
export const COUNTS_REASONS = [
  'failed', 'not_ready', 'other_day', 'too_short', 'no_audio', 'audio_unmeasured', 'silent',
  'duplicate_of_other_school', 'overlaps_another_lesson', 'visual_black', 'visual_frozen',
] as const;
export type CountsReason = (typeof COUNTS_REASONS)[number];
export type CountsReasonValues = Record<string, string | number>;

export interface CountingResult {
  counts: boolean;
  /** Why it does not count (Chinese, with the numbers, for exports and Chinese pages); null when it counts. */
  reason: string | null;
  reasonCode: CountsReason | null;
  /** The numbers and days `reason` names, for a translation. */
  reasonValues: CountsReasonValues | null;
}

const no = (reasonCode: CountsReason, reason: string, reasonValues: CountsReasonValues | null = null): CountingResult =>
  ({ counts: false, reason, reasonCode, reasonValues });

/** The verdicts stored before a recording is packaged, and when it fails. */
export const NOT_READY = no('not_ready', '录像尚未处理完成，处理完成后再判断是否计入');
export const FAILED = no('failed', '录像处理失败，不计入录播课');
/** Another school uploaded the very same file first: neither school may count it twice, and this one cannot show it recorded it. */
export const DUPLICATE_OF_OTHER_SCHOOL = no('duplicate_of_other_school',
  '该文件与其他学校此前上传的录像完全相同（SHA-256 一致），疑似重复使用他校录播课，不计入录播课；已提交教科所核实');
/** The room already has a counted lesson at this time (counting.ts's overlap rule, applied per school day). */
export const OVERLAPS_ANOTHER_LESSON = no('overlaps_another_lesson',
  '同一录播室此时段已有一节先上传的录播课（上课时间重叠，如同一节课的重新封装或重复上传），同一时段只计一节，本录像不计入');

/**
 * Above this share of the lesson with a black or frozen picture, it is not a recorded lesson. A
 * lesson is a teacher and a class seen on camera; one that shows nothing for most of its length
 * (a covered lens, a dead camera, a stuck encoder) cannot have been watched as a lesson. "Most"
 * rather than a small share, because real lessons have stretches that look frozen at keyframe
 * resolution (a still blackboard camera during a test, a paused screen track) or black (lights off
 * for a projector): measured on keyframes only, such stretches stay well below half, and the rule
 * must never take a real lesson's count away for them.
 */
export const VISUAL_DEAD_SHARE_MAX = 0.5;

/** Decides whether a recording counts as a recorded lesson, and says why not. */
export function countsAsLesson(input: CountingInput, rules: CountingRules): CountingResult {
  if (input.status === 'failed') return FAILED;
  if (input.copyOfOtherSchool) return DUPLICATE_OF_OTHER_SCHOOL;
  if (input.status !== 'ready') return NOT_READY;
  if (input.lessonStartDay !== input.schoolDay) {
    return no('other_day', `课程开始于 ${input.lessonStartDay}，不属于 ${input.schoolDay} 这个教学日，不计入该日录播课`, {
      startDay: input.lessonStartDay, schoolDay: input.schoolDay,
    });
  }
  const kindergarten = input.schoolKind === 'kindergarten';
  const minMinutes = kindergarten ? rules.minMinutesKindergarten : rules.minMinutes;
  const seconds = input.durationSeconds ?? 0;
  if (seconds < minMinutes * 60) {
    const who = kindergarten ? '幼儿园' : '';
    const minutes = Math.floor(seconds / 60);
    return no('too_short', `录像时长 ${minutes} 分钟，少于计入${who}录播课所需的 ${minMinutes} 分钟`, { minutes, minMinutes });
  }
  if (!input.hasAudio) return no('no_audio', '录像没有音频，不计入录播课（请检查录播主机的拾音设备）');
  if (input.audioMaxDb === null) return no('audio_unmeasured', '未能测得音频音量，不计入录播课');
  if (rules.isSilent(input.audioMaxDb)) {
    const maxDb = Math.round(input.audioMaxDb);
    return no('silent', `音频为静音（最大音量 ${maxDb} dB），不计入录播课（请检查录播主机的拾音设备）`, { maxDb });
  }
  if (input.visual) {
    const { blackShare, frozenShare } = input.visual;
    // Black is checked first: a black picture is also a frozen one, and "covered lens" says more.
    if (blackShare > VISUAL_DEAD_SHARE_MAX) {
      const percent = Math.round(blackShare * 100);
      return no('visual_black', `画面黑屏的时长占录像的 ${percent}%，超过一半，不计入录播课（请检查摄像机是否被遮挡或损坏）`, { percent });
    }
    if (frozenShare > VISUAL_DEAD_SHARE_MAX) {
      const percent = Math.round(frozenShare * 100);
      return no('visual_frozen', `画面静止不动的时长占录像的 ${percent}%，超过一半，不计入录播课（请检查摄像机和录播主机的画面输入）`, { percent });
    }
  }
  return { counts: true, reason: null, reasonCode: null, reasonValues: null };
}
