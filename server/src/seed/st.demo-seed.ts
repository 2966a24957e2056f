import type { Kysely } from 'kysely';
import { maxSamples } from '../../../shared/st-analysis.js';
import type { Database } from '../db/schema.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { SeededRandom } from './seeded-random.js';

type Style = 'lecture' | 'mixed' | 'dialogue';

/**
 * How long each behaviour lasts, in samples, by the style of lesson: a lecture holds the teacher
 * for long stretches, a dialogue lesson changes often and talks together (D).
 */
const STYLES: Record<Style, { next: Record<'T' | 'S' | 'D', [string, number][]>; run: Record<'T' | 'S' | 'D', [number, number]> }> = {
  lecture: { next: { T: [['S', 0.8], ['D', 0.2]], S: [['T', 1]], D: [['T', 1]] }, run: { T: [5, 12], S: [1, 3], D: [1, 2] } },
  mixed: { next: { T: [['S', 0.6], ['D', 0.4]], S: [['T', 0.8], ['D', 0.2]], D: [['T', 0.5], ['S', 0.5]] }, run: { T: [3, 7], S: [2, 6], D: [1, 3] } },
  dialogue: { next: { T: [['S', 0.5], ['D', 0.5]], S: [['T', 0.6], ['D', 0.4]], D: [['T', 0.5], ['S', 0.5]] }, run: { T: [1, 2], S: [1, 2], D: [1, 2] } },
};

/** A plausible coding of a lesson of `samples` samples in one style. */
export function demoCodes(rnd: SeededRandom, samples: number, style: Style): string {
  const spec = STYLES[style];
  let code: 'T' | 'S' | 'D' = 'T';
  let out = '';
  while (out.length < samples) {
    const [lo, hi] = spec.run[code];
    out += code.repeat(lo + Math.floor(rnd.next() * (hi - lo + 1)));
    let pick = rnd.next();
    for (const [next, p] of spec.next[code]) {
      if ((pick -= p) < 0) {
        code = next as typeof code;
        break;
      }
    }
  }
  return out.slice(0, samples);
}

/** A second observer's coding of the same lesson: mostly alike, a few samples seen otherwise. */
export function secondObserver(rnd: SeededRandom, codes: string, disagree = 0.08): string {
  return [...codes].map((c) => (rnd.next() < disagree ? (c === 'T' ? 'D' : c === 'S' ? 'T' : 'S') : c)).join('');
}

/**
 * S-T codings for the demo, computed from what the demo holds: each 同课异构 activity with two or
 * more lessons gets its organiser's and a member's coding of every lesson (the lessons in turn a
 * lecture, a dialogue lesson and a mixed one, so the comparison shows three types); and the two
 * latest ready lessons of 冠县实验小学 are coded outside any activity by its teacher and by
 * 冠县教科所, so the coding tool under the player opens with figures, curves and agreement.
 */
export async function seedDemoSt(db: Kysely<Database>, now: Date): Promise<{ codings: number }> {
  const rnd = new SeededRandom(20261206);
  const at = now.toISOString();
  let codings = 0;
  const insert = async (row: { schoolId: number; groupId: string; activityId: number | null; coder: number; recordingId: number; codes: string }) => {
    await db.insertInto('st_codings').values({
      school_id: row.schoolId, group_id: row.groupId, activity_id: row.activityId, coder_user_id: row.coder, recording_id: row.recordingId,
      interval_seconds: 30, codes: row.codes, created_at: at, updated_at: at,
    }).execute();
    codings++;
  };
  const styles: Style[] = ['lecture', 'dialogue', 'mixed'];

  const activities = await db.selectFrom('research_activities').select(['id', 'organiser_user_id', 'st_interval_seconds'])
    .where('kind', '=', 'same_topic').where('deleted_at', 'is', null).orderBy('id').execute();
  for (const activity of activities) {
    const lessons = await db.selectFrom('research_activity_lessons as l').innerJoin('recordings', 'recordings.id', 'l.recording_id')
      .select(['l.recording_id', 'l.school_id', 'l.group_id', 'recordings.duration_seconds'])
      .where('l.activity_id', '=', activity.id).orderBy('l.position').execute();
    if (lessons.length < 2) continue;
    const member = await db.selectFrom('research_activity_members').select('user_id')
      .where('activity_id', '=', activity.id).where('user_id', '!=', activity.organiser_user_id).orderBy('id').executeTakeFirst();
    for (const [i, lesson] of lessons.entries()) {
      const samples = maxSamples(lesson.duration_seconds, 30) ?? 81;
      const first = demoCodes(rnd, samples, styles[i % styles.length]!);
      const place = { schoolId: lesson.school_id, groupId: lesson.group_id, activityId: activity.id, recordingId: lesson.recording_id };
      await insert({ ...place, coder: activity.organiser_user_id, codes: first });
      if (member) await insert({ ...place, coder: member.user_id, codes: secondObserver(rnd, first) });
    }
  }

  const coders = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['gxsy.teacher', 'guanxian.research']).execute();
  const school = await db.selectFrom('schools').select('id').where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirst();
  if (!school || coders.length < 2) return { codings };
  const latest = await db.selectFrom('recordings').select(['id', 'school_id', 'group_id', 'duration_seconds'])
    .where('school_id', '=', school.id).where('status', '=', 'ready').where('track', '=', 'composite')
    .orderBy('lesson_start', 'desc').limit(2).execute();
  for (const [i, lesson] of latest.entries()) {
    const samples = maxSamples(lesson.duration_seconds, 30) ?? 81;
    const first = demoCodes(rnd, samples, i === 0 ? 'mixed' : 'lecture');
    const place = { schoolId: lesson.school_id, groupId: lesson.group_id, activityId: null, recordingId: lesson.id };
    await insert({ ...place, coder: coders[0]!.id, codes: first });
    await insert({ ...place, coder: coders[1]!.id, codes: secondObserver(rnd, first) });
  }
  return { codings };
}
