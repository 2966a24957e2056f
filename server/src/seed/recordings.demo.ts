import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { FfmpegBinaries } from '../media/ffmpeg-binaries.js';
import { runFfmpeg } from '../media/run-ffmpeg.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { shanghaiDate } from '../../../shared/dates.js';
import type { Ingest } from '../modules/recordings/recordings.ingest.js';
import type { Track } from '../modules/recordings/recordings.schema.js';

export interface DemoLessonsDeps {
  db: Db;
  clock: Clock;
  ingest: Ingest;
  /** Scratch folder for the generated files (DATA_DIR/work). */
  workDir: string;
  log?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
  /** Seconds per lesson (default 150); tests make them shorter. */
  seconds?: number;
}

const LESSONS = [
  { at: '08:00', subject: '数学', grade: '三年级', teacher: '李晓燕', title: '分数的初步认识', tone: 440 },
  { at: '09:00', subject: '语文', grade: '四年级', teacher: '王海燕', title: '古诗两首', tone: 523 },
  { at: '10:10', subject: '科学', grade: '五年级', teacher: '刘建国', title: '水的三态变化', tone: 659 },
];
const TRACKS: { track: Track; source: string }[] = [
  { track: 'teacher', source: 'testsrc2' },
  { track: 'blackboard', source: 'smptehdbars' },
];

/**
 * Demo lessons for 冠县实验小学 so a newcomer can play one right after the first start: three
 * lessons of today (Asia/Shanghai) with two tracks each, made with ffmpeg's test sources (640×360,
 * a sine tone, H.264/AAC with 2 s keyframes, so they are packaged by copy), and put through the
 * same ingest as an upload (file → recording → processing job). Runs once: a school that already
 * has demo lessons is left alone. Generated lessons are shorter than the counting minimum, so
 * they show why they do not count. Returns how many recordings were made.
 */
export async function seedDemoLessons(deps: DemoLessonsDeps): Promise<number> {
  const db = deps.db.db;
  const school = await db.selectFrom('schools').select(['id']).where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirst();
  if (!school) return 0;
  const already = await db.selectFrom('recordings').select('id').where('school_id', '=', school.id).where('group_id', 'like', 'demo-%').executeTakeFirst();
  if (already) return 0;
  const room = await db.selectFrom('rooms').select('id').where('school_id', '=', school.id).orderBy('id').executeTakeFirst();
  const day = shanghaiDate(deps.clock.now());
  const seconds = deps.seconds ?? 150;
  const dir = join(deps.workDir, 'demo-lessons');
  await mkdir(dir, { recursive: true });
  let made = 0;
  try {
    for (const [i, lesson] of LESSONS.entries()) {
      for (const [j, t] of TRACKS.entries()) {
        const file = join(dir, `lesson-${i + 1}-${t.track}.mp4`);
        await testPatternLesson(file, t.source, lesson.tone + j * 110, seconds);
        const { size } = await stat(file);
        await deps.ingest.ingestFile({
          localPath: file, sha256: await sha256Of(file), sizeBytes: size, ext: 'mp4', move: true,
          uploadedBy: { userId: null, deviceId: null },
          meta: {
            schoolId: school.id, roomId: room?.id ?? null, groupId: `demo-${day}-${i + 1}`, track: t.track,
            title: `${lesson.subject} · ${lesson.title}（演示）`, subject: lesson.subject, grade: lesson.grade, classId: null,
            teacherUserId: null, teacherName: lesson.teacher, lessonStart: `${day}T${lesson.at}:00+08:00`, lessonEnd: null,
          },
        });
        made++;
      }
    }
    deps.log?.info({ recordings: made }, 'demo lessons generated; they are being packaged in the background');
  } catch (err) {
    deps.log?.warn({ err }, 'demo lessons could not be generated (is ffmpeg available?)');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return made;
}

/** A test-pattern lesson with a tone, H.264/AAC in MP4 as a recorder sends it (also the demo's shared clips). */
export async function testPatternLesson(out: string, pattern: string, tone: number, seconds: number, opts: { binaries?: FfmpegBinaries } = {}): Promise<void> {
  await runFfmpeg([
    '-f', 'lavfi', '-i', `${pattern}=size=640x360:rate=15:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=${tone}:sample_rate=44100:duration=${seconds}`,
    '-map', '0:v', '-map', '1:a',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-pix_fmt', 'yuv420p', '-g', '30', '-keyint_min', '30', '-sc_threshold', '0',
    '-c:a', 'aac', '-b:a', '64k', '-t', String(seconds), '-f', 'mp4', out,
  ], opts);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
