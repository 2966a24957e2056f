import { execFile, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultFfmpegBinaries } from '../../media/ffmpeg-binaries.js';
import { codeOfInterval } from './st-audio.analysis.js';

const execFileAsync = promisify(execFile);

/**
 * A classroom lesson with a known script, for the S-T draft's tests: espeak-ng speaks the
 * teacher's lines (a low voice) and the students' answers (higher voices) in alternating turns
 * with pauses and quiet seat work; the mix puts the teacher's lapel microphone on the left channel
 * and the room's microphones on the right, each hearing the other side's voice more quietly
 * (the teacher's voice fills the room: -10 dB on the room microphones; a student reaches the lapel
 * microphone at -24 dB), with a quiet hiss on the lapel and louder room noise on the right.
 * The script's own coding per interval follows from the turns' timings by the draft's rule.
 */

const RATE = 16_000;

export function espeakAvailable(): boolean {
  return spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0;
}

const TEACHER_LINES = [
  '同学们，今天我们来学习分数的初步认识。',
  '请大家看黑板，把一个苹果平均分成两份。',
  '每一份是这个苹果的二分之一，我们写作二分之一。',
  '分数线下面的数叫分母，表示平均分成了几份。',
  '分数线上面的数叫分子，表示取了其中的几份。',
  '下面请同学们拿出练习本，把这个长方形平均分成四份。',
  '很好，谁能告诉老师，涂色部分是这个长方形的几分之几？',
  '我们再来比较一下，二分之一和四分之一哪个大。',
  '大家想一想，分的份数越多，每一份就越小，对不对？',
  '请同桌两个人互相说一说，你是怎么想的。',
  '现在我们来做一个小游戏，老师说分数，你们来折纸。',
  '今天这节课你学到了什么？下课以后和爸爸妈妈说一说。',
];

const STUDENT_LINES = [
  '老师，我觉得每一份是一半，也就是二分之一。',
  '涂色部分是这个长方形的四分之一。',
  '二分之一比四分之一大，因为分的份数少。',
  '我是先把纸对折，再对折一次，就分成了四份。',
  '分母是四，分子是一，读作四分之一。',
  '我同意他的说法，我还有一个补充。',
  '如果把一个蛋糕分成八份，每份就是八分之一。',
  '我们小组发现，分子和分母一样的时候就是一整个。',
];

/** One speaking turn (or a silent stretch) of the script, in seconds from the start. */
export interface ScriptTurn {
  who: 'T' | 'S' | 'quiet';
  start: number;
  end: number;
}

export interface ScriptedLesson {
  durationSeconds: number;
  turns: ScriptTurn[];
  /** Stereo MP4 (a small picture, AAC audio): lapel left, room right. */
  stereo: string;
  /** The same mix folded to one channel. */
  mono: string;
  /** The lapel channel alone and the room channel alone, as a `teacher` and a `students` track would carry them. */
  teacherTrack: string;
  studentsTrack: string;
  /** The script's coding: per interval, by the same rule as the draft, from the turns' exact timings. */
  codesFor(intervalSeconds: number): string;
}

/** Deterministic pseudo-random numbers (mulberry32), so the script is the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function speak(dir: string, name: string, text: string, voice: { v: string; pitch: number; speed: number }): Promise<Float32Array> {
  const wav = join(dir, `${name}.wav`);
  await execFileAsync('espeak-ng', ['-v', voice.v, '-p', String(voice.pitch), '-s', String(voice.speed), '-w', wav, text]);
  const { ffmpeg } = await defaultFfmpegBinaries();
  const { stdout } = await execFileAsync(ffmpeg, ['-v', 'error', '-i', wav, '-ac', '1', '-ar', String(RATE), '-f', 's16le', 'pipe:1'], {
    encoding: 'buffer', maxBuffer: 64 * 1024 * 1024,
  });
  const pcm = new Int16Array(stdout.buffer, stdout.byteOffset, Math.floor(stdout.length / 2));
  // Every line at the same loudness (-20 dBFS RMS), as a microphone's automatic gain leaves speech.
  let sum = 0;
  for (const v of pcm) sum += v * v;
  const gain = (0.1 * 32768) / Math.sqrt(sum / Math.max(1, pcm.length));
  return Float32Array.from(pcm, (v) => (v * gain) / 32768);
}

/** Where made lessons are kept for the next run (the same script gives the same files): one folder per script. */
const CACHE_DIR = join(tmpdir(), 'sunshine-st-audio-lessons');
const KIT_VERSION = 1;

/**
 * The scripted lesson's files (about 3 MB for 8 minutes), made once per script in a temp folder
 * and reused by later runs. Needs espeak-ng and ffmpeg. `minutes` long; `seed` changes the script.
 */
export async function makeScriptedLesson(opts: { minutes?: number; seed?: number } = {}): Promise<ScriptedLesson> {
  const minutes = opts.minutes ?? 8;
  const seed = opts.seed ?? 9;
  const dir = join(CACHE_DIR, `v${KIT_VERSION}-${minutes}m-seed${seed}`);
  const saved = await readFile(join(dir, 'script.json'), 'utf8').then((t) => JSON.parse(t) as { durationSeconds: number; turns: ScriptTurn[] }, () => null);
  if (saved) return scripted(dir, saved.durationSeconds, saved.turns);
  // Made in a folder of its own, then renamed into place: parallel test files never see half a lesson.
  const work = `${dir}.${process.pid}.${Date.now()}`;
  await make(work, minutes, seed);
  await rename(work, dir).catch(async () => rm(work, { recursive: true, force: true }));
  const made = JSON.parse(await readFile(join(dir, 'script.json'), 'utf8')) as { durationSeconds: number; turns: ScriptTurn[] };
  return scripted(dir, made.durationSeconds, made.turns);
}

function scripted(dir: string, durationSeconds: number, turns: ScriptTurn[]): ScriptedLesson {
  return {
    durationSeconds, turns,
    stereo: join(dir, 'stereo.mp4'), mono: join(dir, 'mono.mp4'), teacherTrack: join(dir, 'teacher-track.mp4'), studentsTrack: join(dir, 'students-track.mp4'),
    codesFor(intervalSeconds: number) {
      let codes = '';
      for (let from = 0; from < durationSeconds; from += intervalSeconds) {
        const to = Math.min(durationSeconds, from + intervalSeconds);
        const within = (who: 'T' | 'S') => turns.filter((x) => x.who === who)
          .reduce((sum, x) => sum + Math.max(0, Math.min(to, x.end) - Math.max(from, x.start)), 0);
        codes += codeOfInterval(within('T'), within('S'), to - from);
      }
      return codes;
    },
  };
}

async function make(dir: string, minutes: number, seed: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const random = prng(seed);
  const target = minutes * 60;
  const teacherVoice = { v: 'cmn', pitch: 30, speed: 165 };
  const studentVoices = [{ v: 'cmn+f3', pitch: 70, speed: 175 }, { v: 'cmn+f2', pitch: 80, speed: 180 }, { v: 'cmn+m2', pitch: 60, speed: 170 }];
  const teacherLines = await Promise.all(TEACHER_LINES.map((l, i) => speak(dir, `t${i}`, l, teacherVoice)));
  const studentLines = await Promise.all(STUDENT_LINES.map((l, i) => speak(dir, `s${i}`, l, studentVoices[i % studentVoices.length]!)));

  // The script: lecture, answers and seat work in turn, with short pauses between speakers.
  const turns: ScriptTurn[] = [];
  const placed: { who: 'T' | 'S'; at: number; line: Float32Array }[] = [];
  let t = 2;
  let previous: ScriptTurn['who'] = 'quiet';
  while (t < target - 20) {
    const roll = random();
    const who: ScriptTurn['who'] = previous === 'T' ? (roll < 0.7 ? 'S' : 'quiet') : previous === 'S' ? (roll < 0.8 ? 'T' : 'S') : 'T';
    if (who === 'quiet') {
      const length = 20 + random() * 25;
      turns.push({ who, start: t, end: t + length });
      t += length;
    } else {
      const length = who === 'T' ? 15 + random() * 40 : 8 + random() * 22;
      const start = t;
      const pool = who === 'T' ? teacherLines : studentLines;
      while (t - start < length) {
        const line = pool[Math.floor(random() * pool.length)]!;
        placed.push({ who, at: t, line });
        t += line.length / RATE + 0.2 + random() * 0.4;
      }
      turns.push({ who, start, end: t });
      t += 0.8 + random() * 1.5;
    }
    previous = who;
  }
  const durationSeconds = Math.ceil(t + 3);

  const n = durationSeconds * RATE;
  const lapel = new Float32Array(n);
  const room = new Float32Array(n);
  const leakDelay = Math.round(0.008 * RATE);
  for (const p of placed) {
    const at = Math.round(p.at * RATE);
    const [near, far, nearGain, farGain] = p.who === 'T' ? [lapel, room, 1, 0.32] : [room, lapel, 0.5, 0.063];
    for (let i = 0; i < p.line.length && at + i + leakDelay < n; i++) {
      near[at + i] = near[at + i]! + nearGain * p.line[i]!;
      far[at + i + leakDelay] = far[at + i + leakDelay]! + farGain * p.line[i]!;
    }
  }
  // Noise: a quiet hiss on the lapel microphone (-68 dBFS), the room's murmur on the room microphones (-48 dBFS).
  const noise = prng(77);
  const gauss = () => (noise() + noise() + noise() + noise() - 2) * Math.sqrt(3);
  const interleaved = new Int16Array(n * 2);
  const clip = (v: number) => Math.max(-32768, Math.min(32767, Math.round(v * 32768)));
  for (let i = 0; i < n; i++) {
    interleaved[2 * i] = clip(lapel[i]! + 0.0004 * gauss());
    interleaved[2 * i + 1] = clip(room[i]! + 0.004 * gauss());
  }
  const raw = join(dir, 'mix.s16le');
  await writeFile(raw, Buffer.from(interleaved.buffer));

  const { ffmpeg } = await defaultFfmpegBinaries();
  const encode = async (name: string, audioFilter: string[]) => {
    const out = join(dir, name);
    await execFileAsync(ffmpeg, [
      '-v', 'error', '-y', '-f', 's16le', '-ar', String(RATE), '-ac', '2', '-i', raw,
      '-f', 'lavfi', '-i', `testsrc2=size=160x120:rate=5:duration=${durationSeconds}`,
      '-map', '1:v', '-map', '0:a', ...audioFilter,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '10', '-pix_fmt', 'yuv420p',
      '-c:a', 'aac', '-b:a', '48k', '-shortest', '-f', 'mp4', out,
    ]);
    return out;
  };
  await Promise.all([
    encode('stereo.mp4', []),
    encode('mono.mp4', ['-ac', '1']),
    encode('teacher-track.mp4', ['-af', 'pan=mono|c0=c0']),
    encode('students-track.mp4', ['-af', 'pan=mono|c0=c1']),
  ]);
  await rm(raw, { force: true });
  for (const name of await readdir(dir)) if (name.endsWith('.wav')) await rm(join(dir, name), { force: true });
  await writeFile(join(dir, 'script.json'), JSON.stringify({ durationSeconds, turns }));
}
