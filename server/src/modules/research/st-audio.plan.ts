import type { LessonAudioTrack } from '../recordings/recordings.audio-tracks.js';

/**
 * Where a lesson's S-T draft can come from, decided from its tracks' probe results alone (no file
 * is opened): the `teacher` and `students` tracks' audio (their roles known), else one track with
 * two channels (composite first), else nothing — with the reason people read.
 */
export type StAudioPlan =
  | { kind: 'tracks'; teacher: LessonAudioTrack; students: LessonAudioTrack }
  | { kind: 'channels'; track: LessonAudioTrack }
  | { kind: 'unavailable'; code: StAudioReasonCode };

/** Why a lesson has no draft (stored with the draft; the web app words each in English). */
export type StAudioReasonCode = 'ST_AUDIO_MONO' | 'ST_AUDIO_NONE' | 'ST_AUDIO_SILENT' | 'ST_AUDIO_NOT_READY' | 'ST_AUDIO_FAILED';

export const ST_AUDIO_REASONS: Record<StAudioReasonCode, string> = {
  ST_AUDIO_MONO: '这节课的录音只有一个声道（或各声道录到的是同一路声音），无法区分教师与学生的声音，不能自动生成 S-T 草稿，请人工编码。录播主机把教师无线麦和教室拾音麦分别录入左右声道或不同机位时即可自动生成',
  ST_AUDIO_NONE: '这节课没有可分析的录音（录像没有声音，或平台未保存原始文件），不能自动生成 S-T 草稿，请人工编码',
  ST_AUDIO_SILENT: '录音中几乎听不到说话声（麦克风可能未打开），不能自动生成 S-T 草稿，请人工编码',
  ST_AUDIO_NOT_READY: '这节课还有机位的录像在处理中，处理完成后会自动重新生成 S-T 草稿',
  ST_AUDIO_FAILED: '分析录音时出错，系统多次重试仍未成功：请稍后重新请求，或联系平台管理员',
};

/** Which track's two channels are tried first, when the lesson has no teacher/students pair. */
const STEREO_ORDER = ['composite', 'teacher', 'students', 'blackboard', 'screen'];

const usable = (t: LessonAudioTrack) => t.status === 'ready' && t.audio !== null && t.sourceKey !== null;

export function planStAudio(tracks: readonly LessonAudioTrack[]): StAudioPlan {
  const ready = tracks.filter(usable);
  const teacher = ready.find((t) => t.track === 'teacher');
  const students = ready.find((t) => t.track === 'students');
  if (teacher && students) return { kind: 'tracks', teacher, students };
  const stereo = ready.filter((t) => t.audio!.channels >= 2)
    .sort((a, b) => STEREO_ORDER.indexOf(a.track) - STEREO_ORDER.indexOf(b.track))[0];
  if (stereo) return { kind: 'channels', track: stereo };
  // A track still being processed may complete the pair or bring two channels.
  if (tracks.some((t) => t.status === 'queued' || t.status === 'processing')) return { kind: 'unavailable', code: 'ST_AUDIO_NOT_READY' };
  return { kind: 'unavailable', code: ready.length ? 'ST_AUDIO_MONO' : 'ST_AUDIO_NONE' };
}

/** Whether a plan gives a draft (the automatic request after a lesson is ready asks only for these). */
export const plansDraft = (plan: StAudioPlan): plan is Exclude<StAudioPlan, { kind: 'unavailable' }> => plan.kind !== 'unavailable';
