import { describe, expect, it } from 'vitest';
import type { FrameLevels } from '../../media/audio-frames.js';
import type { LessonAudioTrack } from '../recordings/recordings.audio-tracks.js';
import { analyseStAudio, bridgeGaps, codeOfInterval, noiseFloor, removeShortRuns, teacherChannelOf } from './st-audio.analysis.js';
import { planStAudio } from './st-audio.plan.js';

/**
 * The S-T draft's rules on made-up frame levels (20 ms frames, dBFS): speech is syllables of
 * 200 ms at a level with a 60 ms dip between them; each microphone hears the other side's voice
 * more quietly; the lapel microphone's noise is low, the room's higher.
 */
const FRAME_MS = 20;
const PER_SECOND = 1000 / FRAME_MS;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Who = 'T' | 'S' | '-';
interface Mix {
  /** Speech level on its own microphone. */
  teacherDb?: number;
  studentsDb?: number;
  /** How much quieter each voice reaches the other microphone. */
  teacherLeakDb?: number;
  studentsLeakDb?: number;
  lapelNoiseDb?: number;
  roomNoiseDb?: (second: number) => number;
}

/** Two channels (lapel, room) for a script of [who, seconds] turns. */
function levelsFor(script: [Who, number][], mix: Mix = {}, seed = 1): FrameLevels {
  const m = { teacherDb: -18, studentsDb: -22, teacherLeakDb: 8, studentsLeakDb: 24, lapelNoiseDb: -70, roomNoiseDb: () => -50, ...mix };
  const random = prng(seed);
  const lapel: number[] = [];
  const room: number[] = [];
  const add = (a: number, b: number) => 10 * Math.log10(10 ** (a / 10) + 10 ** (b / 10));
  for (const [who, seconds] of script) {
    for (let i = 0; i < seconds * PER_SECOND; i++) {
      const second = lapel.length / PER_SECOND;
      const jitter = () => (random() - 0.5) * 2;
      // A syllable of 200 ms, then a 60 ms dip.
      const voiced = who !== '-' && i % 13 < 10;
      const voice = voiced ? (who === 'T' ? m.teacherDb : m.studentsDb) + (random() - 0.5) * 8 : -200;
      const nearLapel = who === 'T' ? voice : voice - m.studentsLeakDb;
      const nearRoom = who === 'S' ? voice : voice - m.teacherLeakDb;
      lapel.push(add(m.lapelNoiseDb + jitter(), nearLapel));
      room.push(add(m.roomNoiseDb(second) + jitter(), nearRoom));
    }
  }
  return { frameMs: FRAME_MS, frames: lapel.length, channels: [Float32Array.from(lapel), Float32Array.from(room)], correlation: 0.05 };
}

const swap = (l: FrameLevels): FrameLevels => ({ ...l, channels: [l.channels[1]!, l.channels[0]!] });

function draftOf(levels: FrameLevels, intervalSeconds = 10, roles: 'tracks' | 'channels' = 'channels') {
  const out = analyseStAudio(levels, { intervalSeconds, roles });
  if (out.kind !== 'draft') throw new Error(`no draft: ${out.code}`);
  return out.analysis;
}

// T 60 s, S 30 s, quiet 40 s, T 20 s, S 20 s: at 10 s, TTTTTT SSS ---- TT SS.
const SCRIPT: [Who, number][] = [['T', 60], ['S', 30], ['-', 40], ['T', 20], ['S', 20]];
const CODES = 'TTTTTTSSS----TTSS';

describe('the interval rule', () => {
  it('is "-" below half speech, else T unless the students spoke longer (a tie is T)', () => {
    expect(codeOfInterval(0, 0, 500)).toBe('-');
    expect(codeOfInterval(200, 49, 500)).toBe('-');
    expect(codeOfInterval(200, 50, 500)).toBe('T');
    expect(codeOfInterval(100, 150, 500)).toBe('S');
    expect(codeOfInterval(150, 150, 500)).toBe('T');
    expect(codeOfInterval(0, 0, 0)).toBe('-');
  });
});

describe('the draft from two channels', () => {
  it('codes a lecture, answers, seat work and a dialogue as the script says', () => {
    const a = draftOf(levelsFor(SCRIPT));
    expect(a.codes).toBe(CODES);
    expect(a).toMatchObject({ teacherChannel: 0, teacherChosenBy: 'snr' });
    expect(a.shares.silence).toBeGreaterThan(0.2);
    expect(a.durationSeconds).toBe(170);
  });

  it('gives the room microphone\'s teacher to the teacher, even when it hears the teacher louder than the students', () => {
    // The teacher leaks into the room at -2 dB, louder there than the students' own -22 + ... voices.
    expect(draftOf(levelsFor(SCRIPT, { teacherLeakDb: 2, studentsDb: -24 })).codes).toBe(CODES);
  });

  it('does not give a student heard on the lapel microphone to the teacher', () => {
    // A student near the teacher: -12 dB below the lapel's own voice, far above the lapel's noise.
    expect(draftOf(levelsFor(SCRIPT, { studentsLeakDb: 12 })).codes).toBe(CODES);
  });

  it('takes the channel whose speech stands higher above its noise as the teacher\'s: the right one when wired so', () => {
    const a = draftOf(swap(levelsFor(SCRIPT)));
    expect(a).toMatchObject({ teacherChannel: 1, teacherChosenBy: 'snr', codes: CODES });
  });

  it('falls back on the left channel when neither stands out, and says so', () => {
    expect(teacherChannelOf({ speechDb: -20, noiseDb: -60, speechSeconds: 100 }, { speechDb: -22, noiseDb: -58, speechSeconds: 80 }))
      .toEqual({ channel: 0, by: 'convention' });
    expect(teacherChannelOf({ speechDb: -30, noiseDb: -50, speechSeconds: 100 }, { speechDb: -20, noiseDb: -65, speechSeconds: 80 }))
      .toEqual({ channel: 1, by: 'snr' });
  });

  it('separate tracks say whose is which: channel 0 is the teacher track, whatever the levels', () => {
    const a = draftOf(levelsFor(SCRIPT, { lapelNoiseDb: -50 }), 10, 'tracks');
    expect(a).toMatchObject({ teacherChannel: 0, teacherChosenBy: 'track', codes: CODES });
  });

  it('follows a noise floor that rises mid-lesson (a projector fan), so the seat work stays silence', () => {
    // The room's noise steps from -55 to -38 dBFS at 95 s, during the seat work.
    const a = draftOf(levelsFor(SCRIPT, { roomNoiseDb: (s) => (s < 95 ? -55 : -38) }));
    expect(a.codes).toBe(CODES);
  });

  it('codes 30 s intervals by the same rule', () => {
    // 0–30 T, 30–60 T, 60–90 S, 90–120 quiet, 120–150 T 10 + quiet 10 + ... (T 20 from 130, S from 150).
    expect(draftOf(levelsFor(SCRIPT), 30).codes).toBe('TTS-TS');
  });

  it('an interval of half speech is coded; under half is "-"', () => {
    expect(draftOf(levelsFor([['T', 6], ['-', 4], ['S', 4], ['-', 6], ['T', 20]])).codes).toBe('T-TT');
  });
});

describe('no draft', () => {
  it('one sound stored on both channels (mono as stereo) is ST_AUDIO_MONO', () => {
    const l = levelsFor(SCRIPT);
    const same: FrameLevels = { ...l, channels: [l.channels[0]!, l.channels[0]!.map((v) => v - 3)], correlation: 0.999 };
    expect(analyseStAudio(same, { intervalSeconds: 10, roles: 'channels' })).toMatchObject({ kind: 'unavailable', code: 'ST_AUDIO_MONO', why: 'same-sound' });
    // Two track files of the same mix: no sample correlation, but their levels move together.
    const tracks: FrameLevels = { ...same, correlation: null };
    expect(analyseStAudio(tracks, { intervalSeconds: 10, roles: 'tracks' })).toMatchObject({ kind: 'unavailable', code: 'ST_AUDIO_MONO' });
  });

  it('noise alone is ST_AUDIO_SILENT', () => {
    expect(analyseStAudio(levelsFor([['-', 120]]), { intervalSeconds: 30, roles: 'channels' })).toMatchObject({ kind: 'unavailable', code: 'ST_AUDIO_SILENT' });
  });
});

describe('the building blocks', () => {
  it('the noise floor is the lowest smoothed level around a frame, digital silence left out', () => {
    const levels = Float32Array.from([...Array(100).fill(-60), ...Array(100).fill(-100), ...Array(100).fill(-40)]);
    const floor = noiseFloor(levels, 3, 50);
    expect(floor[10]).toBeCloseTo(-60, 1);
    expect(floor[150]).toBe(-90);
    expect(floor[290]).toBeCloseTo(-40, 1);
  });

  it('drops bursts shorter than the minimum and bridges short gaps', () => {
    expect([...removeShortRuns(Uint8Array.from([0, 1, 1, 0, 1, 1, 1, 0]), 3)]).toEqual([0, 0, 0, 0, 1, 1, 1, 0]);
    expect([...bridgeGaps(Uint8Array.from([1, 0, 0, 1, 0, 0, 0, 0, 1, 0]), 3)]).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 1, 0]);
  });
});

describe('where a draft comes from', () => {
  const track = (over: Partial<LessonAudioTrack>): LessonAudioTrack => ({
    recordingId: 1, track: 'composite', status: 'ready', sourceKey: 'recordings/1/source.mp4', audio: { streamIndex: 1, channels: 2 },
    audioMaxDb: -10, durationSeconds: 2400, startOffsetMs: 0, readyAt: '2018-04-04T03:00:00.000Z', ...over,
  });

  it('a teacher track and a students track first, whatever else the lesson has', () => {
    const t = track({ recordingId: 2, track: 'teacher', audio: { streamIndex: 1, channels: 1 } });
    const s = track({ recordingId: 3, track: 'students', audio: { streamIndex: 1, channels: 1 } });
    expect(planStAudio([track({}), t, s])).toEqual({ kind: 'tracks', teacher: t, students: s });
  });

  it('else a track with two channels, the composite first', () => {
    const board = track({ recordingId: 4, track: 'blackboard' });
    const composite = track({ recordingId: 5 });
    expect(planStAudio([board, composite])).toEqual({ kind: 'channels', track: composite });
  });

  it('mono only: ST_AUDIO_MONO; no audio or no stored file: ST_AUDIO_NONE; a track still processing: ST_AUDIO_NOT_READY', () => {
    expect(planStAudio([track({ audio: { streamIndex: 1, channels: 1 } })])).toEqual({ kind: 'unavailable', code: 'ST_AUDIO_MONO' });
    expect(planStAudio([track({ audio: null })])).toEqual({ kind: 'unavailable', code: 'ST_AUDIO_NONE' });
    expect(planStAudio([track({ sourceKey: null })])).toEqual({ kind: 'unavailable', code: 'ST_AUDIO_NONE' });
    expect(planStAudio([track({ track: 'teacher', audio: { streamIndex: 1, channels: 1 } }), track({ recordingId: 9, track: 'students', status: 'processing', audio: null })]))
      .toEqual({ kind: 'unavailable', code: 'ST_AUDIO_NOT_READY' });
    expect(planStAudio([])).toEqual({ kind: 'unavailable', code: 'ST_AUDIO_NONE' });
  });
});
