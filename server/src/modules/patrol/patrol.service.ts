import type { Static } from 'typebox';
import { shanghaiDate } from '../../../../shared/dates.js';
import { type Actor, type Scope, scopeOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { OrgService } from '../org/org.service.js';
import { namesOf } from '../people/who-answers.js';
import type { RecordingsService } from '../recordings/recordings.service.js';
import { patrolScore, readScores, writeScores } from './patrol.form.js';
import * as q from './patrol.queries.js';
import type { LESSON_STATES, PatrolBody, RecordsQuery, WallQuery } from './patrol.schema.js';
import { createPatrolStats } from './patrol.stats.js';

type Who = { actor: Actor; ip: string };
/** What patrol needs of the recordings service: the lessons list, one lesson, and poster frames. */
export type PatrolLessons = Pick<RecordingsService, 'list' | 'get' | 'posters'>;
type Lesson = Awaited<ReturnType<PatrolLessons['get']>>;
type LessonState = (typeof LESSON_STATES)[number];

/** Whether a scope reaches a school (the same test as schoolInScope, for one school already loaded). */
export function reaches(scope: Scope, s: { id: number; countyId: number; cityId: number }): boolean {
  return scope.all || scope.cityIds.includes(s.cityId) || scope.countyIds.includes(s.countyId) || scope.schoolIds.includes(s.id);
}

function stateOf(r: { status: string; hasVideo: boolean }): LessonState {
  if (r.status === 'ready') return r.hasVideo ? 'ready' : 'no_video';
  return r.status === 'failed' ? 'failed' : 'processing';
}

/**
 * Class patrol (巡课): principals (their school), county staff and school inspectors (their county
 * or city) open a wall of today's recorded lessons of their schools, watch one and score it on the
 * patrol form (patrol.form.ts) with a note — one patrol per patroller, lesson and day, which they
 * may correct that day. Lessons come from the recordings service, asked with the actor (it confines
 * them to recording:read and, here, patrol:read); patrols are read within patrol:read and written
 * within patrol:write. Live lessons join the wall once live classes exist.
 */
export function createPatrolService(deps: {
  db: Db; clock: Clock; audit: AuditService;
  /** Null when the server runs without the video path (no storage configured). */
  lessons: PatrolLessons | null;
  org: Pick<OrgService, 'getSchool'>;
  calendar: Pick<CalendarService, 'dayStatus' | 'admin'>;
}) {
  const db = deps.db.db;
  const today = () => shanghaiDate(deps.clock.now());

  function scopeFor(actor: Actor, action: 'patrol:read' | 'patrol:write'): Scope {
    const scope = scopeOf(actor, action);
    if (!scope) throw forbidden();
    return scope;
  }

  function lessonsOrFail(): PatrolLessons {
    if (!deps.lessons) throw new AppError(503, 'PATROL_UNAVAILABLE', '巡课暂不可用：本服务未启用录播课（未配置存储），请联系系统管理员');
    return deps.lessons;
  }

  /** The school of a lesson the actor reached, within `scope`; 404 like a missing lesson otherwise. */
  async function schoolWithin(actor: Actor, scope: Scope, schoolId: number) {
    const school = await deps.org.getSchool(actor, schoolId).catch((err) => {
      if (err instanceof AppError && (err.status === 403 || err.status === 404)) throw notFound('录像');
      throw err;
    });
    if (!reaches(scope, school)) throw notFound('录像');
    return school;
  }

  function patrolView(r: q.PatrolRow, names: Map<number, string>, actor: Actor) {
    return {
      id: r.id, recordingId: r.recording_id, groupId: r.group_id, schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name,
      countyName: r.county_name, teacherName: r.teacher_name, subject: r.subject, grade: r.grade, patrolDay: r.patrol_day,
      patrollerUserId: r.patroller_user_id, patrollerName: names.get(r.patroller_user_id) ?? '', scores: readScores(r.scores),
      score: Number(r.total), note: r.note, createdAt: r.created_at, updatedAt: r.updated_at, mine: r.patroller_user_id === actor.userId,
    };
  }

  async function patrolViews(rows: q.PatrolRow[], actor: Actor) {
    const names = await namesOf(db, rows.map((r) => r.patroller_user_id));
    return rows.map((r) => patrolView(r, names, actor));
  }

  /**
   * Today's wall: the lessons of the actor's schools recorded today, one card per lesson (its first
   * track), newest first, with poster frames where they exist and the patrols already made.
   */
  async function wall(w: Who, query: Static<typeof WallQuery>) {
    const scope = scopeFor(w.actor, 'patrol:read');
    const lessons = lessonsOrFail();
    const day = today();
    const { items, total } = await lessons.list(w.actor,
      { from: day, to: day, countyId: query.countyId, schoolId: query.schoolId, firstTrackOnly: true },
      query.page, query.pageSize, { within: 'patrol:read' });
    const [posters, marks, status] = await Promise.all([
      lessons.posters(w.actor, items.filter((r) => stateOf(r) === 'ready').map((r) => r.id), w.ip),
      q.marksOfDay(db, q.patrolInScope(scope), day, items.map((r) => r.schoolId), items.map((r) => r.groupId)),
      deps.calendar.dayStatus(w.actor, 'org:read', { countyId: query.countyId, schoolId: query.schoolId }, day, day),
    ]);
    return {
      day, dayStatus: status.dayStatus, dayName: status.dayName, total, page: query.page, pageSize: query.pageSize,
      items: items.map((r) => {
        const of = marks.filter((m) => m.school_id === r.schoolId && m.group_id === r.groupId);
        const mine = of.find((m) => m.patroller_user_id === w.actor.userId);
        return {
          recordingId: r.id, groupId: r.groupId, track: r.track, schoolId: r.schoolId, schoolCode: r.schoolCode, schoolName: r.schoolName, title: r.title,
          subject: r.subject, grade: r.grade, teacherName: r.teacherName, lessonStart: r.lessonStart, lessonEnd: r.lessonEnd,
          state: stateOf(r), progress: r.progress, poster: posters.get(r.id) ?? null,
          patrols: of.length, mine: mine ? { id: mine.id, score: Number(mine.total) } : null,
        };
      }),
    };
  }

  /** A lesson the actor may patrol-read: in their recordings reach and their patrol:read scope. */
  async function readableLesson(actor: Actor, recordingId: number): Promise<{ lesson: Lesson; scope: Scope }> {
    const scope = scopeFor(actor, 'patrol:read');
    const lesson = await lessonsOrFail().get(actor, recordingId);
    await schoolWithin(actor, scope, lesson.schoolId);
    return { lesson, scope };
  }

  /** One lesson for the patrol page: the lesson, whether the caller may score it, their patrol and everyone's they may see. */
  async function lesson(w: Who, recordingId: number) {
    const { lesson: r, scope } = await readableLesson(w.actor, recordingId);
    const school = await deps.org.getSchool(w.actor, r.schoolId);
    const write = scopeOf(w.actor, 'patrol:write');
    const rows = await q.patrolsOfLesson(db, q.patrolInScope(scope), r.schoolId, r.groupId);
    const patrols = await patrolViews(rows, w.actor);
    const day = today();
    const mine = patrols.find((p) => p.mine && p.patrolDay === day) ?? null;
    const posters = stateOf(r) === 'ready' ? await lessonsOrFail().posters(w.actor, [r.id], w.ip) : new Map<number, string>();
    const whyNot = write === null || !reaches(write, school) ? 'no_right' as const
      : r.schoolDay !== day ? 'not_today' as const
        : stateOf(r) !== 'ready' ? 'not_ready' as const : null;
    return {
      lesson: {
        recordingId: r.id, groupId: r.groupId, track: r.track, schoolId: r.schoolId, schoolCode: school.code, schoolName: r.schoolName, title: r.title,
        subject: r.subject, grade: r.grade, teacherName: r.teacherName, lessonStart: r.lessonStart, lessonEnd: r.lessonEnd,
        state: stateOf(r), progress: r.progress, poster: posters.get(r.id) ?? null,
        patrols: patrols.filter((p) => p.patrolDay === day).length, mine: mine ? { id: mine.id, score: mine.score } : null,
      },
      canPatrol: whyNot === null,
      whyNot,
      mine,
      patrols,
    };
  }

  /**
   * Scores a lesson of today (or corrects the caller's patrol of it today). 404 outside the
   * caller's patrol:write reach; 409 for a lesson of another day or one that cannot be watched yet.
   */
  async function save(w: Who, recordingId: number, body: Static<typeof PatrolBody>) {
    const write = scopeFor(w.actor, 'patrol:write');
    const r = await lessonsOrFail().get(w.actor, recordingId);
    const school = await schoolWithin(w.actor, write, r.schoolId);
    const day = today();
    if (r.schoolDay !== day) {
      throw new AppError(409, 'PATROL_NOT_TODAY', `巡课只针对今天（${day}）的课：这节课是 ${r.schoolDay} 的录播课，可在巡课统计中查看以往的巡课记录`);
    }
    const state = stateOf(r);
    if (state !== 'ready') {
      throw new AppError(409, 'PATROL_LESSON_NOT_READY', state === 'processing'
        ? `这节课还在处理中（进度 ${r.progress}%），处理完成、能够观看后再巡课`
        : '这节课没有可观看的视频，无法巡课：请选择巡课墙上「可观看」的课');
    }
    const now = deps.clock.now().toISOString();
    const score = patrolScore(body.scores);
    const fields = { recording_id: r.id, scores: writeScores(body.scores), total: score, note: body.note.trim() };
    const key = { patrollerUserId: w.actor.userId, day, schoolId: r.schoolId, groupId: r.groupId };
    let existing = await q.ownPatrol(db, key);
    let id: number;
    if (existing) {
      id = existing.id;
      await q.updatePatrol(db, id, { ...fields, updated_at: now });
    } else {
      try {
        id = await q.insertPatrol(db, {
          ...fields, school_id: r.schoolId, county_id: school.countyId, city_id: school.cityId, group_id: r.groupId,
          teacher_user_id: r.teacherUserId, teacher_name: r.teacherName, subject: r.subject, grade: r.grade, patrol_day: day,
          patroller_user_id: w.actor.userId, created_at: now, updated_at: null,
        });
      } catch (err) {
        // Two saves at once: the other one inserted (index patrols_once_a_day); this one corrects it.
        existing = await q.ownPatrol(db, key);
        if (!existing) throw err;
        id = existing.id;
        await q.updatePatrol(db, id, { ...fields, updated_at: now });
      }
    }
    await deps.audit.record({
      actor: { userId: w.actor.userId, name: w.actor.name }, action: 'patrol.save', targetType: 'patrol', targetId: id, result: 'success', ip: w.ip,
      detail: { schoolId: r.schoolId, groupId: r.groupId, recordingId: r.id, score, corrected: existing !== undefined },
    });
    const row = await q.findPatrol(db, q.patrolInScope(write), id);
    return (await patrolViews([row!], w.actor))[0]!;
  }

  /** Patrol records in scope, newest first; `mine` narrows to the caller's own. */
  async function records(actor: Actor, query: Static<typeof RecordsQuery>) {
    const where = q.patrolInScope(scopeFor(actor, 'patrol:read'));
    const filter: q.PatrolFilter = {
      from: query.from, to: query.to, countyId: query.countyId, schoolId: query.schoolId, teacherUserId: query.teacherUserId,
      patrollerUserId: query.mine ? actor.userId : undefined,
    };
    const [rows, total] = await Promise.all([
      q.listPatrols(db, where, filter, query.pageSize, (query.page - 1) * query.pageSize),
      q.countPatrols(db, where, filter),
    ]);
    return { items: await patrolViews(rows, actor), total, page: query.page, pageSize: query.pageSize };
  }

  const stats = createPatrolStats({ db, today, scopeFor, calendar: deps.calendar });

  return { wall, lesson, save, records, ...stats };
}

export type PatrolService = ReturnType<typeof createPatrolService>;
