import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { AppError, badRequest, conflict } from '../../http/errors.js';
import { flatItems } from './rubric-definition.js';
import { agreementOf, lessonResults, maxTotalOf } from './rubric-results.js';
import type { RubricsService } from './rubrics.service.js';
import type { ActivityRow, ResearchReach } from './research-reach.js';
import * as q from './scores.queries.js';
import type { SaveScoresBody } from './scores.schema.js';

type Who = { actor: Actor; ip: string };
type LessonRef = { activityId: number; recordingId: number };

/**
 * Scoring lessons on the activity's observation rubric, and the activity's results: each
 * observer's scores, the means, and how far the observers agree. Whoever reaches the activity
 * (its members, and those supervising it) reads the results and may score its lessons while
 * reviews are open — except the lesson's own teacher, whose self-assessment would bend the
 * agreement between observers.
 */
export function createScoresService(deps: {
  db: Kysely<Database>; clock: Clock; reach: ResearchReach; rubrics: Pick<RubricsService, 'ofActivity'>;
}) {
  const { db, reach } = deps;

  async function rubricOf(act: ActivityRow) {
    if (act.rubric_id === null) {
      throw conflict('RUBRIC_NONE', `教研活动「${act.topic}」没有选用观察量表：请组织者在活动设置中选择量表后再打分`);
    }
    return deps.rubrics.ofActivity(act.rubric_id);
  }

  async function sheet(actor: Actor, ref: LessonRef) {
    const { lesson, activity } = await reach.lesson(actor, ref);
    const act = activity!;
    const rubric = await rubricOf(act);
    const key = { activityId: act.id, schoolId: lesson.schoolId, groupId: lesson.groupId };
    const rows = await q.observerScores(db, key, rubric.id, actor.userId);
    let closed: AppError | null = null;
    try {
      reach.assertReviewsOpen(act);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      closed = err;
    }
    return {
      activityId: act.id, recordingId: lesson.recordingId, rubric,
      scores: rows.map((r) => ({ itemKey: r.item_key, score: r.score, note: r.note, updatedAt: r.updated_at })),
      reviewsOpen: closed === null, closedCode: closed?.code ?? null, closedMessage: closed?.message ?? null,
      ownLesson: lesson.teacherUserId === actor.userId,
    };
  }

  /** Saves some of the observer's item scores (autosave: one item at a time is fine); null takes one back. */
  async function save(w: Who, ref: LessonRef, body: Static<typeof SaveScoresBody>) {
    const { lesson, activity } = await reach.lesson(w.actor, ref);
    const act = activity!;
    reach.assertReviewsOpen(act);
    const rubric = await rubricOf(act);
    if (lesson.teacherUserId === w.actor.userId) {
      throw new AppError(403, 'RUBRIC_OWN_LESSON', '这是您执教的课：执教教师不参与给自己的课打分（可以查看同伴的评分和意见）');
    }
    if (rubric.status === 'draft') {
      throw conflict('RUBRIC_NOT_PUBLISHED', `量表「${rubric.name}」还是草稿：请先发布量表，再开始打分`);
    }
    const items = new Map(flatItems(rubric.definition).map((i) => [i.key, i]));
    const seen = new Set<string>();
    for (const entry of body.items) {
      const item = items.get(entry.itemKey);
      if (!item) throw badRequest('RUBRIC_ITEM_UNKNOWN', `量表「${rubric.name}」没有编号为「${entry.itemKey}」的观察项目：请刷新页面后再打分`, { itemKey: entry.itemKey });
      if (seen.has(entry.itemKey)) throw badRequest('RUBRIC_ITEM_TWICE', `观察项目「${item.text}」在一次提交中出现了两次：每项只提交一个分数`, { itemKey: entry.itemKey });
      seen.add(entry.itemKey);
      if (entry.score !== null && !item.scores.includes(entry.score)) {
        throw badRequest('RUBRIC_SCORE_NOT_LEVEL', `观察项目「${item.text}」只能选 ${item.scores.join('、')} 分中的一个等级，收到 ${entry.score}`, { itemKey: entry.itemKey });
      }
    }
    await q.saveScores(db, { activityId: act.id, schoolId: lesson.schoolId, groupId: lesson.groupId }, rubric.id, w.actor.userId,
      deps.clock.now().toISOString(), body.items.map((i) => ({ itemKey: i.itemKey, score: i.score, note: i.note?.trim() })));
    return sheet(w.actor, ref);
  }

  /** Every lesson's results on the activity's rubric; empty when the activity has none. */
  async function results(actor: Actor, activityId: number) {
    const act = await reach.activity(actor, activityId);
    return resultsOf(act);
  }

  /** The results of an activity the caller has already reached (the export uses it). */
  async function resultsOf(act: ActivityRow) {
    const lessons = await q.activityLessons(db, act.id);
    const empty = { observers: 0, items: 0, alpha: null, icc: null, iccMean: null, iccItems: 0, exactShare: null };
    if (act.rubric_id === null) {
      return { activityId: act.id, topic: act.topic, rubric: null, items: [], maxTotal: null, lessons: [], overall: empty };
    }
    const rubric = await deps.rubrics.ofActivity(act.rubric_id);
    const items = flatItems(rubric.definition);
    const scores = await q.activityScores(db, act.id, rubric.id);
    const perLesson = lessons.map((l) => {
      const mine = scores.filter((s) => s.school_id === l.school_id && s.group_id === l.group_id)
        .map((s) => ({ observerUserId: s.observer_user_id, observerName: s.observer_name, itemKey: s.item_key, score: s.score, note: s.note }));
      return { lesson: l, results: lessonResults(items, mine) };
    });
    const observerIds = [...new Set(scores.map((s) => s.observer_user_id))];
    return {
      activityId: act.id, topic: act.topic,
      rubric: { id: rubric.id, name: rubric.name, version: rubric.version, status: rubric.status },
      items: items.map((i) => ({ key: i.key, text: i.text, dimensionKey: i.dimensionKey, dimensionName: i.dimensionName, weight: i.weight, min: i.min, max: i.max })),
      maxTotal: maxTotalOf(items),
      lessons: perLesson.map(({ lesson: l, results: { units: _units, ...r } }) => ({
        recordingId: l.recording_id, schoolId: l.school_id, schoolName: l.school_name, title: l.title, teacherName: l.teacher_name,
        position: l.position, ...r,
      })),
      overall: agreementOf(perLesson.flatMap((p) => p.results.units), observerIds),
    };
  }

  return { sheet, save, results, resultsOf };
}

export type ScoresService = ReturnType<typeof createScoresService>;
export type ActivityRubricResults = Awaited<ReturnType<ScoresService['resultsOf']>>;
