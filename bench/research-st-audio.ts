import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { defaultFfmpegBinaries } from '../server/src/media/ffmpeg-binaries.js';
import { analyseStAudio } from '../server/src/modules/research/st-audio.analysis.js';
import { frameLevelsOfFile } from '../server/src/modules/research/st-audio.jobs.js';
import { fmt } from './support.js';

const execFileAsync = promisify(execFile);
const OUT = new URL('./out/', import.meta.url).pathname;
const MINUTES = 45;

/**
 * Issue 9, acceptance 7 (part): the S-T draft from audio for a 45-minute lesson, as a multiple of
 * real time (target ≥ 50×), beside the baseline of a plain ffmpeg decode of the same audio to
 * nothing (`-f null`) in the same run. The lesson is generated once by ffmpeg into bench/out/:
 * 48 kHz stereo AAC (as recorders write) in an MP4 with a small picture, turns of a "teacher"
 * (a warbling tone, left) and "students" (band noise, right), each leaking into the other channel,
 * with quiet stretches. The measured path is the job's own: ffmpeg → 8 kHz PCM streamed into the
 * frame meter → the analysis (st-audio.jobs.ts frameLevelsOfFile, st-audio.analysis.ts).
 */
export async function benchResearchStAudio(runs = 3): Promise<{ seconds: number; realTimeMultiple: number; baselineSeconds: number }> {
  const file = await benchLesson();
  const seconds = MINUTES * 60;
  const { ffmpeg } = await defaultFfmpegBinaries();
  const baselineRuns: number[] = [];
  const draftRuns: number[] = [];
  let codes = '';
  for (let i = 0; i < runs; i++) {
    let from = performance.now();
    await execFileAsync(ffmpeg, ['-hide_banner', '-v', 'error', '-nostdin', '-i', file, '-map', '0:a:0', '-vn', '-f', 'null', '-']);
    baselineRuns.push((performance.now() - from) / 1000);
    from = performance.now();
    const levels = await frameLevelsOfFile(file, { layout: 'stereo', trustedInput: true });
    const outcome = analyseStAudio(levels, { intervalSeconds: 30, roles: 'channels' });
    draftRuns.push((performance.now() - from) / 1000);
    if (outcome.kind !== 'draft') throw new Error(`the bench lesson gave no draft: ${outcome.code}`);
    codes = outcome.analysis.codes;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const draft = median(draftRuns);
  const baseline = median(baselineRuns);
  const multiple = seconds / draft;
  console.log(`S-T draft from audio, ${MINUTES}-minute stereo lesson (48 kHz AAC), median of ${runs}:`);
  console.log(`  plain ffmpeg decode of the audio (-f null):  ${fmt(baseline, 2)} s (baseline, ${fmt(seconds / baseline, 0)}× real time)`);
  console.log(`  decode to 8 kHz PCM + frame meter + draft:   ${fmt(draft, 2)} s = ${fmt(draft / baseline, 2)}× the baseline`);
  console.log(`  = ${fmt(multiple, 0)}× real time (target ≥ 50×); ${codes.length} intervals of 30 s: ${codes.slice(0, 30)}…`);
  return { seconds: draft, realTimeMultiple: multiple, baselineSeconds: baseline };
}

async function benchLesson(): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `st-audio-stereo-${MINUTES}min.mp4`);
  if (existsSync(path)) return path;
  console.log(`  generating bench/out/${path.split('/').pop()} once …`);
  const { ffmpeg } = await defaultFfmpegBinaries();
  // 4.5 minutes (three 90 s cycles) generated, then looped ten times without re-encoding.
  const seconds = 270;
  // A 90 s cycle: teacher 0–50 s, students 50–75 s, quiet 75–90 s; syllables of 0.2 s with gaps.
  const syllable = 'lt(mod(t,0.26),0.2)';
  const teacher = `lt(mod(t,90),50)*${syllable}*0.3*sin(2*PI*(180+40*sin(2*PI*3*t))*t)`;
  const students = `gte(mod(t,90),50)*lt(mod(t,90),75)*${syllable}*0.15*(random(0)-0.5)`;
  const left = `${teacher}+0.06*(${students})+0.0005*(random(1)-0.5)`;
  const right = `${students}*2+0.3*(${teacher})+0.005*(random(2)-0.5)`;
  const part = `${path}.part.mp4`;
  await execFileAsync(ffmpeg, [
    '-hide_banner', '-v', 'error', '-nostdin', '-y',
    '-f', 'lavfi', '-i', `aevalsrc=exprs='${left}|${right}':sample_rate=48000:duration=${seconds}`,
    '-f', 'lavfi', '-i', `color=c=gray:size=160x120:rate=1:duration=${seconds}`,
    '-map', '1:v', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '10',
    '-map', '0:a', '-c:a', 'aac', '-b:a', '128k', '-shortest', '-f', 'mp4', part,
  ], { timeout: 900_000 });
  const tmp = `${path}.tmp.mp4`;
  await execFileAsync(ffmpeg, ['-hide_banner', '-v', 'error', '-nostdin', '-y', '-stream_loop', String(MINUTES * 60 / seconds - 1), '-i', part, '-c', 'copy', '-f', 'mp4', tmp]);
  rmSync(part, { force: true });
  renameSync(tmp, path);
  return path;
}

// `npx tsx bench/research-st-audio.ts` runs this part alone; `npm run bench -- research` runs it with the others.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchResearchStAudio().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
