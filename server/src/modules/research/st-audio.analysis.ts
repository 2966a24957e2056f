import { DIGITAL_SILENCE_DB, type FrameLevels } from '../../media/audio-frames.js';

/**
 * The automatic S-T draft from two audio channels: the teacher's wireless (lapel) microphone and
 * the room's microphones, as two channels of one stereo file or as the audio of the `teacher` and
 * `students` tracks. Pure: frame levels in (media/audio-frames.ts), one code per interval out.
 *
 * 1. Speech per channel and 20 ms frame: the frame's level stands `aboveFloorDb` above the
 *    channel's noise floor around it (the lowest 60 ms level within ±5 s, so the floor follows a
 *    projector fan switched on) and is at least `minSpeechDb`; bursts under 60 ms are dropped.
 * 2. Who speaks in a frame where speech is heard: each channel's level (averaged over 100 ms) is
 *    taken relative to that channel's own speech level (the 90th percentile of its speech frames),
 *    which cancels the two inputs' different gains; the difference between the two is the level
 *    difference between the microphones. The teacher's voice leaks into the room microphones
 *    (often nearly as loud as a student there), but a student's voice reaches the lapel
 *    microphone far below its wearer's: so the frame is the teacher's when the lapel channel is at
 *    least as near its speech level as the room channel, less `teacherBiasDb`; else the students'.
 *    Frames with speech on the room channel only are the students'.
 * 3. Speech time: gaps under 300 ms between speech frames (between words, a breath) are speech,
 *    given to the speaker before them.
 * 4. Per interval (the S-T sampling interval, 10–120 s): '-' when less than half of it is speech
 *    ("mostly silence": seat work, a pause); otherwise T when the teacher's speech time is at least
 *    the students', else S. D (dialogue) is left to human coders.
 *
 * Which stereo channel is the teacher's: the lapel microphone sits a hand from its wearer's mouth,
 * so its speech stands higher above its noise than the room microphones' does; the channel whose
 * speech level exceeds its noise floor by `teacherSnrMarginDb` more is taken as the teacher's, and
 * where neither does, the left one (the usual wiring of a recorder's wireless-microphone input).
 * Separate tracks say it themselves. The draft's detail records which was taken and why.
 */
export const ST_AUDIO_TUNING = {
  frameMs: 20,
  /** Speech: this far above the channel's noise floor around the frame. */
  aboveFloorDb: 9,
  /** …and at least this loud: room noise sits at -60…-45 dBFS, speech near a microphone well above. */
  minSpeechDb: -60,
  /** The noise floor is the lowest smoothed level within ±half of this. */
  floorWindowMs: 10_000,
  /** Levels are smoothed over this before the floor's minimum is taken (a single quiet frame is not the floor). */
  floorSmoothMs: 60,
  /** Bursts of speech shorter than this are clicks and knocks. */
  minBurstMs: 60,
  /** Gaps in speech shorter than this are still speech. */
  bridgeGapMs: 300,
  /** Who speaks is judged on levels averaged over this window (about a syllable). */
  compareMs: 100,
  /** The lapel channel's advantage when both channels hear speech (the room microphones hear the teacher too). */
  teacherBiasDb: 6,
  /** The stereo channel whose speech-over-noise exceeds the other's by this much is the teacher's; else the left. */
  teacherSnrMarginDb: 6,
  /** An interval with less speech than this share of it is '-' (mostly silence). */
  minSpeechShare: 0.5,
  /** Samples of two channels correlating this much are one sound stored twice (mono as stereo). */
  sameSoundCorrelation: 0.95,
  /**
   * Two channels whose levels differ by a near-constant amount are one sound (the same mix in two
   * track files): the spread (standard deviation) of their level difference over loud frames is
   * below this. Two microphones apart give a spread well above 3 dB as speakers change.
   */
  sameSoundSpreadDb: 1.5,
  /** Less speech than this in the whole lesson, on both channels together: no draft (a muted or dead input). */
  minSpeechSeconds: 10,
};
export type StAudioTuning = typeof ST_AUDIO_TUNING;

export type StCode = 'T' | 'S' | '-';

/** The interval rule (step 4), shared with tests that code a script from its known timings. */
export function codeOfInterval(teacher: number, students: number, total: number, minSpeechShare = ST_AUDIO_TUNING.minSpeechShare): StCode {
  if (total <= 0 || (teacher + students) / total < minSpeechShare) return '-';
  return teacher >= students ? 'T' : 'S';
}

export interface ChannelStats {
  /** The channel's speech level: the 90th percentile of its speech frames (dBFS; -100 without speech). */
  speechDb: number;
  /** The median of its noise floor (dBFS). */
  noiseDb: number;
  /** Seconds of the lesson with speech heard on this channel. */
  speechSeconds: number;
}

export interface StAudioAnalysis {
  codes: string;
  /** Channel index (0 or 1) taken as the teacher's, and why. */
  teacherChannel: 0 | 1;
  teacherChosenBy: 'track' | 'snr' | 'convention';
  channels: [ChannelStats, ChannelStats];
  /** Shares of the lesson's time: teacher speaking, students speaking, neither. */
  shares: { teacher: number; students: number; silence: number };
  durationSeconds: number;
  correlation: number | null;
  /** Spread (dB) of the channels' level difference over loud frames (see sameSoundSpreadDb); null with too few. */
  levelSpreadDb: number | null;
}

export type StAudioOutcome =
  | { kind: 'draft'; analysis: StAudioAnalysis }
  | { kind: 'unavailable'; code: 'ST_AUDIO_MONO' | 'ST_AUDIO_SILENT'; why: 'same-sound' | 'silent'; correlation: number | null; levelSpreadDb: number | null };

/**
 * The draft from two channels' levels. `roles: 'tracks'`: channel 0 is the teacher track's audio;
 * `'channels'`: a stereo file, the teacher's channel decided as above.
 */
export function analyseStAudio(levels: FrameLevels, opts: { intervalSeconds: number; roles: 'tracks' | 'channels'; tuning?: Partial<StAudioTuning> }): StAudioOutcome {
  const k = { ...ST_AUDIO_TUNING, ...opts.tuning };
  if (levels.channels.length !== 2) throw new Error('the S-T draft needs two channels');
  const frameMs = levels.frameMs;
  const ms = (n: number) => Math.max(1, Math.round(n / frameMs));
  const spread = levelDifferenceSpread(levels.channels[0]!, levels.channels[1]!, k.minSpeechDb);
  const sameSound = (levels.correlation !== null && levels.correlation >= k.sameSoundCorrelation) || (spread !== null && spread < k.sameSoundSpreadDb);
  if (sameSound) return { kind: 'unavailable', code: 'ST_AUDIO_MONO', why: 'same-sound', correlation: levels.correlation, levelSpreadDb: spread };

  const views = levels.channels.map((ch) => {
    const floor = noiseFloor(ch, ms(k.floorSmoothMs), ms(k.floorWindowMs));
    const active = removeShortRuns(aboveFloor(ch, floor, k.aboveFloorDb, k.minSpeechDb), ms(k.minBurstMs));
    const speechDb = percentile(ch, active, 0.9);
    const stats: ChannelStats = { speechDb: round1(speechDb), noiseDb: round1(median(floor)), speechSeconds: round1((count(active) * frameMs) / 1000) };
    return { levels: ch, active, speechDb, stats };
  }) as [ChannelView, ChannelView];

  if (views[0].stats.speechSeconds + views[1].stats.speechSeconds < k.minSpeechSeconds) {
    return { kind: 'unavailable', code: 'ST_AUDIO_SILENT', why: 'silent', correlation: levels.correlation, levelSpreadDb: spread };
  }
  const chosen = opts.roles === 'tracks' ? { channel: 0 as const, by: 'track' as const } : teacherChannelOf(views[0].stats, views[1].stats, k.teacherSnrMarginDb);
  const teacher = views[chosen.channel];
  const students = views[1 - chosen.channel]!;
  const speakers = frameSpeakers(teacher, students, ms(k.compareMs), k.teacherBiasDb);
  const presence = bridgeGaps(or(teacher.active, students.active), ms(k.bridgeGapMs));
  fillSpeakers(speakers, presence);

  const perInterval = Math.max(1, Math.round((opts.intervalSeconds * 1000) / frameMs));
  let codes = '';
  let t = 0;
  let s = 0;
  for (let start = 0; start < levels.frames; start += perInterval) {
    const end = Math.min(levels.frames, start + perInterval);
    let ti = 0;
    let si = 0;
    for (let f = start; f < end; f++) {
      if (speakers[f] === TEACHER) ti++;
      else if (speakers[f] === STUDENTS) si++;
    }
    codes += codeOfInterval(ti, si, end - start, k.minSpeechShare);
    t += ti;
    s += si;
  }
  const n = Math.max(1, levels.frames);
  return {
    kind: 'draft',
    analysis: {
      codes,
      teacherChannel: chosen.channel,
      teacherChosenBy: chosen.by,
      channels: [views[0].stats, views[1].stats],
      shares: { teacher: round3(t / n), students: round3(s / n), silence: round3(1 - (t + s) / n) },
      durationSeconds: round1((levels.frames * frameMs) / 1000),
      correlation: levels.correlation === null ? null : round3(levels.correlation),
      levelSpreadDb: spread === null ? null : round1(spread),
    },
  };
}

interface ChannelView { levels: Float32Array; active: Uint8Array; speechDb: number; stats: ChannelStats }

const TEACHER = 1;
const STUDENTS = 2;

/** The stereo channel taken as the teacher's lapel microphone (see the module comment). */
export function teacherChannelOf(left: ChannelStats, right: ChannelStats, marginDb = ST_AUDIO_TUNING.teacherSnrMarginDb): { channel: 0 | 1; by: 'snr' | 'convention' } {
  const snrLeft = left.speechDb - left.noiseDb;
  const snrRight = right.speechDb - right.noiseDb;
  if (snrRight - snrLeft >= marginDb) return { channel: 1, by: 'snr' };
  if (snrLeft - snrRight >= marginDb) return { channel: 0, by: 'snr' };
  return { channel: 0, by: 'convention' };
}

/** Step 2 for every frame with speech on either channel: 0 none, 1 teacher, 2 students. */
function frameSpeakers(teacher: ChannelView, students: ChannelView, compareFrames: number, biasDb: number): Uint8Array {
  const tLevels = smoothPower(teacher.levels, compareFrames);
  const sLevels = smoothPower(students.levels, compareFrames);
  const out = new Uint8Array(teacher.levels.length);
  for (let f = 0; f < out.length; f++) {
    const aT = teacher.active[f] === 1;
    const aS = students.active[f] === 1;
    if (!aT && !aS) continue;
    if (aT && (!aS || tLevels[f]! - teacher.speechDb + biasDb >= sLevels[f]! - students.speechDb)) out[f] = TEACHER;
    else out[f] = STUDENTS;
  }
  return out;
}

/** Frames of bridged speech without a speaker of their own take the last speaker before them (or the first after). */
function fillSpeakers(speakers: Uint8Array, presence: Uint8Array): void {
  let last = 0;
  for (let f = 0; f < speakers.length; f++) {
    if (!presence[f]) {
      speakers[f] = 0;
      continue;
    }
    if (speakers[f]) last = speakers[f]!;
    else if (last) speakers[f] = last;
  }
  let next = 0;
  for (let f = speakers.length - 1; f >= 0; f--) {
    if (!presence[f]) continue;
    if (speakers[f]) next = speakers[f]!;
    else if (next) speakers[f] = next;
  }
}

/**
 * The noise floor around each frame: the minimum, within ±window/2, of the level smoothed over
 * `smooth` frames (a monotonic queue: linear time). Digital silence is left out (a muted input
 * tells nothing of the room's noise); a window of nothing else gives -90 dBFS.
 */
export function noiseFloor(levels: Float32Array, smooth: number, window: number): Float32Array {
  const smoothed = smoothPower(levels, smooth);
  const n = levels.length;
  const half = Math.floor(window / 2);
  const value = (i: number) => (levels[i]! <= DIGITAL_SILENCE_DB + 0.01 ? Infinity : smoothed[i]!);
  const out = new Float32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let added = 0;
  for (let f = 0; f < n; f++) {
    const upTo = Math.min(n - 1, f + half);
    while (added <= upTo) {
      const v = value(added);
      while (tail > head && value(queue[tail - 1]!) >= v) tail--;
      queue[tail++] = added++;
    }
    while (queue[head]! < f - half) head++;
    const min = value(queue[head]!);
    out[f] = Number.isFinite(min) ? min : DIGITAL_SILENCE_DB + 10;
  }
  return out;
}

function aboveFloor(levels: Float32Array, floor: Float32Array, aboveDb: number, minDb: number): Uint8Array {
  const out = new Uint8Array(levels.length);
  for (let f = 0; f < levels.length; f++) out[f] = levels[f]! >= minDb && levels[f]! >= floor[f]! + aboveDb ? 1 : 0;
  return out;
}

/** Runs of 1 shorter than `minRun` become 0. */
export function removeShortRuns(mask: Uint8Array, minRun: number): Uint8Array {
  const out = mask.slice();
  let start = -1;
  for (let f = 0; f <= out.length; f++) {
    const on = f < out.length && out[f] === 1;
    if (on && start < 0) start = f;
    if (!on && start >= 0) {
      if (f - start < minRun) out.fill(0, start, f);
      start = -1;
    }
  }
  return out;
}

/** Runs of 0 shorter than `maxGap` between two 1s become 1. */
export function bridgeGaps(mask: Uint8Array, maxGap: number): Uint8Array {
  const out = mask.slice();
  let lastOn = -1;
  for (let f = 0; f < out.length; f++) {
    if (out[f] !== 1) continue;
    if (lastOn >= 0 && f - lastOn - 1 > 0 && f - lastOn - 1 < maxGap) out.fill(1, lastOn + 1, f);
    lastOn = f;
  }
  return out;
}

/** Centred moving average over `width` frames in the power domain, back in dB. */
export function smoothPower(levels: Float32Array, width: number): Float32Array {
  const n = levels.length;
  if (width <= 1) return levels;
  const prefix = new Float64Array(n + 1);
  for (let f = 0; f < n; f++) prefix[f + 1] = prefix[f]! + 10 ** (levels[f]! / 10);
  const out = new Float32Array(n);
  const before = Math.floor((width - 1) / 2);
  const after = width - 1 - before;
  for (let f = 0; f < n; f++) {
    const a = Math.max(0, f - before);
    const b = Math.min(n, f + after + 1);
    const mean = (prefix[b]! - prefix[a]!) / (b - a);
    out[f] = mean > 0 ? Math.max(DIGITAL_SILENCE_DB, 10 * Math.log10(mean)) : DIGITAL_SILENCE_DB;
  }
  return out;
}

/**
 * The standard deviation of (left − right) in dB over frames where both are at least `minDb`:
 * near zero when both channels carry one sound at different gains. Null with under 50 such frames.
 */
export function levelDifferenceSpread(a: Float32Array, b: Float32Array, minDb: number): number | null {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let f = 0; f < a.length; f++) {
    if (a[f]! < minDb || b[f]! < minDb) continue;
    const d = a[f]! - b[f]!;
    n++;
    sum += d;
    sumSq += d * d;
  }
  if (n < 50) return null;
  const mean = sum / n;
  return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
}

function or(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let f = 0; f < a.length; f++) out[f] = a[f]! | b[f]!;
  return out;
}

function count(mask: Uint8Array): number {
  let n = 0;
  for (let f = 0; f < mask.length; f++) n += mask[f]!;
  return n;
}

function percentile(levels: Float32Array, mask: Uint8Array, p: number): number {
  const picked: number[] = [];
  for (let f = 0; f < levels.length; f++) if (mask[f]) picked.push(levels[f]!);
  if (picked.length === 0) return DIGITAL_SILENCE_DB;
  picked.sort((x, y) => x - y);
  return picked[Math.min(picked.length - 1, Math.floor(p * picked.length))]!;
}

function median(values: Float32Array): number {
  if (values.length === 0) return DIGITAL_SILENCE_DB;
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
