import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.js';
import type { Db } from '../../db/database.js';
import { INT32_MAX } from '../../http/request-schemas.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { ResearchReach } from './research-reach.js';
import { analyseCodes, lessonType, stCurve } from './st-analysis.js';
import * as q from './st-codings.queries.js';
import type { CompareQuery, CompareSchema } from './st-compare.schema.js';

type Compare = Static<typeof CompareSchema>;
type CompareLesson = Compare['lessons'][number];

/** Two or three distinct ids from `12,15[,19]`; null when the text is not that. */
export function parseLessonIds(text: string): number[] | null {
  if (!/^\d{1,10}(,\d{1,10}){1,2}$/.test(text)) return null;
  const ids = text.split(',').map(Number);
  if (ids.some((id) => id < 1 || id > INT32_MAX) || new Set(ids).size !== ids.length) return null;
  return ids;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/**
 * 同课异构 comparison: two or three lessons of one activity side by side — each lesson's brief,
 * its codings' Rt, Ch and type (and their means), and one coding's S-T curve on the lesson clock
 * (the chosen coder's where they coded that lesson, else the lesson's first coder). Every lesson
 * must be attached to this activity and the caller must reach it (research reach): a lesson of
 * another activity answers 404 here even when the caller may see it there.
 */
export function createStCompareService(deps: { db: Db; reach: ResearchReach }) {
  const db = deps.db.db;

  async function compare(actor: Actor, activityId: number, query: Static<typeof CompareQuery>): Promise<Compare> {
    const activity = await deps.reach.activity(actor, activityId);
    const ids = parseLessonIds(query.lessons);
    if (!ids) throw badRequest('ST_COMPARE_LESSONS', '同课异构对比请选择本活动的 2 至 3 节不同的课（课例编号以逗号分隔）');
    // Each through the reach, so a track id of an attached lesson finds it as the lesson page does.
    const reached = [];
    for (const recordingId of ids) reached.push((await deps.reach.lesson(actor, { recordingId, activityId })).lesson);
    if (new Set(reached.map((l) => l.recordingId)).size !== reached.length) {
      throw badRequest('ST_COMPARE_LESSONS', '同课异构对比请选择本活动的 2 至 3 节不同的课（同一节课的不同机位算一节）');
    }
    const briefs = await q.activityLessons(db, activity.id, reached.map((l) => l.recordingId));
    const codings = await q.codingsOfLessons(db, activity.id, reached.map((l) => ({ schoolId: l.schoolId, groupId: l.groupId })));

    const lessons: CompareLesson[] = reached.map((lesson) => {
      const brief = briefs.find((b) => b.recording_id === lesson.recordingId);
      if (!brief) throw notFound('教研课例');
      const own = codings.filter((c) => c.school_id === lesson.schoolId && c.group_id === lesson.groupId);
      const rows = own.map((c) => ({ row: c, figures: analyseCodes(c.codes) }));
      const coded = rows.filter((r) => r.figures.n > 0);
      const meanRt = mean(coded.map((r) => r.figures.rt!));
      const meanCh = mean(coded.map((r) => r.figures.ch!));
      const chosen = rows.find((r) => r.row.coder_user_id === query.coderUserId) ?? rows[0];
      return {
        recordingId: lesson.recordingId, track: brief.track as CompareLesson['track'], title: brief.title, teacherName: brief.teacher_name, schoolId: brief.school_id,
        schoolName: brief.school_name, durationSeconds: brief.duration_seconds, position: brief.position,
        codings: rows.map((r) => ({
          codingId: r.row.id, coderUserId: r.row.coder_user_id, coderName: r.row.coder_name, rt: r.figures.rt, ch: r.figures.ch, type: r.figures.type, n: r.figures.n,
        })),
        summary: { coders: coded.length, meanRt, meanCh, type: meanRt === null || meanCh === null ? null : lessonType(meanRt, meanCh) },
        curve: chosen ? {
          codingId: chosen.row.id, coderUserId: chosen.row.coder_user_id, coderName: chosen.row.coder_name, intervalSeconds: chosen.row.interval_seconds,
          codes: chosen.row.codes, figures: chosen.figures, points: stCurve(chosen.row.codes, chosen.row.interval_seconds),
        } : null,
      };
    });

    const coders = new Map<number, string>();
    for (const c of codings) coders.set(c.coder_user_id, c.coder_name);
    return {
      activityId: activity.id, topic: activity.topic, kind: activity.kind, intervalSeconds: activity.st_interval_seconds, lessons,
      coders: [...coders].map(([userId, name]) => ({ userId, name })),
    };
  }

  return { compare };
}

export type StCompareService = ReturnType<typeof createStCompareService>;
