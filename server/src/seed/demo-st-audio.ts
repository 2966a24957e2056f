import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { shanghaiDate } from '../../../shared/dates.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { runFfmpeg } from '../media/run-ffmpeg.js';
import type { Ingest } from '../modules/recordings/recordings.ingest.js';
import { codeOfInterval } from '../modules/research/st-audio.analysis.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';

/** The demo lesson's script: who speaks when (seconds). */
const SCRIPT: { who: 'T' | 'S'; from: number; to: number }[] = [
  { who: 'T', from: 0, to: 50 }, { who: 'S', from: 50, to: 80 }, { who: 'T', from: 110, to: 150 },
  { who: 'S', from: 150, to: 170 }, { who: 'T', from: 170, to: 215 },
];
const SECONDS = 240;
const INTERVAL = 30;

/**
 * A demo lesson whose S-T draft the worker makes from its audio: 冠县实验小学, today, one composite
 * track with two channels — a "teacher" (a warbling tone in syllable-long bursts) on the left, as a
 * lapel microphone hears it, and "students" (bursts of noise) on the right, as the room's
 * microphones do — each leaking into the other, with quiet seat work between. ffmpeg alone makes it
 * (a demo machine has no speech synthesiser). It goes through the same ingest as an upload, so
 * processing → `recording.ready` → the scan → `research.st-audio` make its draft; a 冠县教科所
 * officer's coding of the script (silence coded S, as the classic S-T method does) sits beside it
 * for the agreement. Once: a school that has it already is left alone. Answers whether it was made.
 */
export async function seedDemoStAudioLesson(deps: {
  db: Db; clock: Clock; ingest: Ingest; workDir: string; log?: { info(obj: object, msg?: string): void };
}): Promise<boolean> {
  const db = deps.db.db;
  const school = await db.selectFrom('schools').select('id').where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirst();
  const coder = await db.selectFrom('users').select('id').where('username', '=', 'guanxian.research').executeTakeFirst();
  if (!school || !coder) return false;
  const already = await db.selectFrom('recordings').select('id').where('school_id', '=', school.id).where('group_id', 'like', 'st-demo-%').executeTakeFirst();
  if (already) return false;
  const day = shanghaiDate(deps.clock.now());
  const groupId = `st-demo-${day}`;
  const dir = join(deps.workDir, 'demo-st-audio');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'st-demo.mp4');
  let recordingId: number;
  try {
    await runFfmpeg(demoLessonArgs(file));
    ({ recordingId } = await deps.ingest.ingestFile({
      localPath: file, sha256: await sha256Of(file), sizeBytes: (await stat(file)).size, ext: 'mp4', move: true,
      uploadedBy: { userId: null, deviceId: null },
      meta: {
        schoolId: school.id, roomId: null, groupId, track: 'composite', title: '数学 · 分数的初步认识（S-T 自动草稿演示）', subject: '数学',
        grade: '三年级', classId: null, teacherUserId: null, teacherName: '李晓燕', lessonStart: `${day}T14:00:00+08:00`, lessonEnd: null,
      },
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const now = deps.clock.now().toISOString();
  await db.insertInto('st_codings').values({
    school_id: school.id, group_id: groupId, activity_id: null, coder_user_id: coder.id, recording_id: recordingId, interval_seconds: INTERVAL,
    codes: scriptCodes().replaceAll('-', 'S'), created_at: now, updated_at: now,
  }).execute();
  deps.log?.info({ groupId }, 'demo lesson for the S-T audio draft queued');
  return true;
}

/** The script's own coding per interval, by the draft's rule. */
export function scriptCodes(interval = INTERVAL): string {
  let codes = '';
  for (let from = 0; from < SECONDS; from += interval) {
    const to = Math.min(SECONDS, from + interval);
    const share = (who: 'T' | 'S') => SCRIPT.filter((x) => x.who === who).reduce((sum, x) => sum + Math.max(0, Math.min(to, x.to) - Math.max(from, x.from)), 0);
    codes += codeOfInterval(share('T'), share('S'), to - from);
  }
  return codes;
}

/** ffmpeg arguments: the script as two channels (16 kHz AAC) with a small test picture, H.264 in MP4. */
export function demoLessonArgs(out: string): string[] {
  const during = (who: 'T' | 'S') => SCRIPT.filter((x) => x.who === who).map((x) => `between(t,${x.from},${x.to - 0.01})`).join('+');
  const syllable = 'lt(mod(t,0.26),0.2)';
  const teacher = `(${during('T')})*${syllable}*0.3*sin(2*PI*(190+40*sin(2*PI*3*t))*t)`;
  const students = `(${during('S')})*${syllable}*0.25*(random(0)-0.5)`;
  const left = `${teacher}+0.06*(${students})+0.0005*(random(1)-0.5)`;
  const right = `${students}+0.32*(${teacher})+0.004*(random(2)-0.5)`;
  return [
    '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=15:duration=${SECONDS}`,
    '-f', 'lavfi', '-i', `aevalsrc=exprs='${left}|${right}':sample_rate=16000:duration=${SECONDS}`,
    '-map', '0:v', '-map', '1:a',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-pix_fmt', 'yuv420p', '-g', '30', '-keyint_min', '30', '-sc_threshold', '0',
    '-c:a', 'aac', '-b:a', '96k', '-t', String(SECONDS), '-f', 'mp4', out,
  ];
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
