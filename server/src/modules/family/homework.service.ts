import type { Actor } from '../../access/actor.js';
import { scopeOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest, forbidden } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { FamilyChildren, FamilyClass } from '../students/family-children.js';
import { addDays, eachDay, isIsoDate, isoWeekday, shanghaiDate, spanDays } from '../../../../shared/dates.js';
import {
  type HomeworkKind, type HomeworkRule, type HomeworkWarning, homeworkRule, homeworkWarning, overWrittenLimit,
} from '../../../../shared/homework-limits.js';
import * as q from './homework.queries.js';

export interface HomeworkInput {
  classId: number;
  subject: string;
  content: string;
  kind: HomeworkKind;
  minutes: number;
  assignedOn?: string;
  dueOn: string;
}

const KIND_NAMES: Record<HomeworkKind, string> = { written: '书面', oral: '口头', practice: '实践' };
// A class's homework page covers a month at most: the staff page asks for a week.
const MAX_CLASS_RANGE_DAYS = 31;

function warningText(w: HomeworkWarning | null, rule: HomeworkRule, total: number): string | null {
  if (w === 'NO_HOMEWORK') return '幼儿园不布置作业：请改为亲子活动建议，或不发布';
  if (w === 'NO_WRITTEN_HOMEWORK') return '一、二年级不布置书面家庭作业（国家规定）：请改为口头或实践作业';
  if (w === 'OVER_WRITTEN_LIMIT') return `本班当天书面作业合计 ${total} 分钟，超过国家规定的 ${rule.writtenLimit} 分钟：请减少时长或调整到其他日期`;
  return null;
}

const itemView = (r: Awaited<ReturnType<typeof q.homeworkOf>>[number]) => ({
  id: r.id, subject: r.subject, content: r.content, kind: r.kind, minutes: r.minutes, assignedOn: r.assigned_on, dueOn: r.due_on, warning: r.warning,
});

/** The Monday of the ISO week a day falls in. */
export const weekStartOf = (day: string) => addDays(day, 1 - isoWeekday(day));

/**
 * Homework (作业) with its expected time: class staff post it for their classes, and each
 * class-day's written total is set against the national limit of the class's grade
 * (shared/homework-limits.ts). Posting over the limit is allowed but answered with a warning,
 * and the class's head teacher (班主任) is told; the bureaus see weekly figures per school.
 */
export function createHomeworkService(deps: { db: Db; clock: Clock; audit: AuditService; notifications: NotificationsService; children: FamilyChildren }) {
  const db = deps.db.db;
  const today = () => shanghaiDate(deps.clock.now());
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });

  function checkDays(body: HomeworkInput): { assignedOn: string; dueOn: string } {
    const assignedOn = body.assignedOn ?? today();
    if (!isIsoDate(assignedOn)) throw badRequest('DATE_INVALID', `布置日期 ${assignedOn} 不存在：请用 YYYY-MM-DD 格式填写真实日期`);
    if (!isIsoDate(body.dueOn)) throw badRequest('DATE_INVALID', `截止日期 ${body.dueOn} 不存在：请用 YYYY-MM-DD 格式填写真实日期`);
    if (body.dueOn < assignedOn) throw badRequest('HOMEWORK_DUE_BEFORE_ASSIGNED', `截止日期 ${body.dueOn} 早于布置日期 ${assignedOn}：请把截止日期改为布置当天或之后`);
    return { assignedOn, dueOn: body.dueOn };
  }

  async function limitCheck(klass: FamilyClass, body: HomeworkInput, assignedOn: string) {
    const rule = homeworkRule(klass.gradeLevel);
    const before = await q.writtenMinutesOn(db, klass.id, assignedOn);
    const warning = homeworkWarning(rule, before, body.kind, body.minutes);
    const dayWrittenMinutes = before + (body.kind === 'written' ? body.minutes : 0);
    return {
      dayWrittenMinutes, writtenLimit: rule.writtenLimit, homeworkAllowed: rule.homeworkAllowed, warning,
      message: warningText(warning, rule, dayWrittenMinutes), rule, before,
    };
  }

  /** What posting this homework would mean for the class's day, before saving (the staff page shows it). */
  async function check(actor: Actor, body: HomeworkInput) {
    const klass = await deps.children.klass(actor, 'class:write', body.classId);
    const { assignedOn } = checkDays(body);
    const { rule: _rule, before: _before, ...out } = await limitCheck(klass, body, assignedOn);
    return out;
  }

  /** Posts homework; answers with the limit's warning, and tells the head teacher when the class's day passes it. */
  async function post(actor: Actor, body: HomeworkInput, ip: string) {
    const klass = await deps.children.klass(actor, 'class:write', body.classId);
    const { assignedOn, dueOn } = checkDays(body);
    const { rule, before, ...out } = await limitCheck(klass, body, assignedOn);
    const id = await q.insertHomework(db, {
      class_id: klass.id, school_id: klass.schoolId, county_id: klass.countyId, city_id: await q.cityOfSchool(db, klass.schoolId),
      grade_level: klass.gradeLevel, subject: body.subject.trim(), content: body.content.trim(), kind: body.kind, minutes: body.minutes,
      assigned_on: assignedOn, due_on: dueOn, warning: out.warning, created_by_user_id: actor.userId, created_at: deps.clock.now().toISOString(),
    });
    let headTeachersNotified = 0;
    const nowOver = !rule.homeworkAllowed || overWrittenLimit(rule, out.dayWrittenMinutes);
    if (out.warning && nowOver) {
      const heads = (await deps.children.staffOf(klass.id)).filter((s) => s.duty === 'head').map((s) => s.userId);
      const limitText = rule.homeworkAllowed ? (rule.writtenLimit === 0 ? '不布置书面作业' : `不超过 ${rule.writtenLimit} 分钟`) : '不布置作业';
      headTeachersNotified = await deps.notifications.notify(heads, {
        kind: 'homework_over_limit',
        title: `${klass.name} ${assignedOn} 作业超出国家规定`,
        body: `${actor.name} 布置了${KIND_NAMES[body.kind]}作业「${body.subject}」${body.minutes} 分钟；本班当天书面作业合计 ${out.dayWrittenMinutes} 分钟（规定：${limitText}）。请与任课教师协调。`,
        link: `/homework?classId=${klass.id}&day=${assignedOn}`,
        // Once per class-day: the second over-limit post that day does not tell the head teacher again.
        dedupeKey: `homework_over_limit:${klass.id}:${assignedOn}`,
      });
    }
    await deps.audit.record({
      actor: who(actor), action: 'homework.post', targetType: 'class', targetId: klass.id, result: 'success', ip,
      detail: { homeworkId: id, kind: body.kind, minutes: body.minutes, assignedOn, warning: out.warning, before },
    });
    return { id, ...out, headTeachersNotified };
  }

  /** A class's homework over [from, to] (default this week), by day with the written total against the limit. */
  async function ofClass(actor: Actor, classId: number, query: { from?: string; to?: string }) {
    const klass = await deps.children.klass(actor, 'family:read', classId);
    const from = query.from ?? weekStartOf(today());
    const to = query.to ?? addDays(from, 6);
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) throw badRequest('DATE_RANGE_INVALID', `日期范围 ${from} 至 ${to} 无效：请用 YYYY-MM-DD 格式，且开始日期不晚于结束日期`);
    if (spanDays(from, to) > MAX_CLASS_RANGE_DAYS) throw badRequest('DATE_RANGE_TOO_LONG', `日期范围共 ${spanDays(from, to)} 天，超过上限 ${MAX_CLASS_RANGE_DAYS} 天：请按周或按月查看`);
    const rule = homeworkRule(klass.gradeLevel);
    const rows = await q.homeworkOf(db, classId, from, to);
    const days = eachDay(from, to).map((day) => {
      const items = rows.filter((r) => r.assigned_on === day).map(itemView);
      const writtenMinutes = items.filter((i) => i.kind === 'written').reduce((n, i) => n + i.minutes, 0);
      return { day, writtenMinutes, overLimit: items.length > 0 && (!rule.homeworkAllowed || overWrittenLimit(rule, writtenMinutes)), items };
    });
    return { classId, className: klass.name, gradeLevel: klass.gradeLevel, writtenLimit: rule.writtenLimit, homeworkAllowed: rule.homeworkAllowed, from, to, days };
  }

  /** A class's homework of one day (the family's "today"); the caller has decided the class is reachable. */
  async function dayOfClass(klass: { id: number; gradeLevel: number }, day: string) {
    const rule = homeworkRule(klass.gradeLevel);
    const items = (await q.homeworkOf(db, klass.id, day, day)).map(itemView);
    const writtenMinutes = items.filter((i) => i.kind === 'written').reduce((n, i) => n + i.minutes, 0);
    return { items, writtenMinutes, writtenLimit: rule.writtenLimit, overLimit: items.length > 0 && (!rule.homeworkAllowed || overWrittenLimit(rule, writtenMinutes)) };
  }

  /**
   * The weekly figures (family:stats, figures only): per school of the scope — or per county for a
   * city-wide view without a county — classes that had homework, class-days with homework, their
   * written minutes and average, class-days over the limit. The total is the sum of the rows.
   */
  async function weekly(actor: Actor, query: { week?: string; countyId?: number }) {
    const scope = scopeOf(actor, 'family:stats');
    if (!scope) throw forbidden();
    const day = query.week ?? today();
    if (!isIsoDate(day)) throw badRequest('DATE_INVALID', `日期 ${day} 不存在：请用 YYYY-MM-DD 格式填写本周任意一天`);
    const weekStart = weekStartOf(day);
    const weekEnd = addDays(weekStart, 6);
    const perCounty = query.countyId === undefined && (scope.all || scope.cityIds.length > 0);
    const rows = await q.classDays(db, scope, weekStart, weekEnd, query.countyId);
    type Acc = { classes: Set<number>; classDays: number; writtenMinutes: number; overLimitClassDays: number };
    const groups = new Map<number, Acc>();
    for (const r of rows) {
      const key = perCounty ? r.county_id : r.school_id;
      const acc = groups.get(key) ?? { classes: new Set<number>(), classDays: 0, writtenMinutes: 0, overLimitClassDays: 0 };
      const written = Number(r.written);
      const rule = homeworkRule(r.grade_level);
      acc.classes.add(r.class_id);
      acc.classDays += 1;
      acc.writtenMinutes += written;
      if (!rule.homeworkAllowed || overWrittenLimit(rule, written)) acc.overLimitClassDays += 1;
      groups.set(key, acc);
    }
    const names = await q.placeNames(db, perCounty ? [] : [...groups.keys()], perCounty ? [...groups.keys()] : []);
    const figures = (a: { classes: number; classDays: number; writtenMinutes: number; overLimitClassDays: number }) => ({
      ...a, avgWrittenMinutes: a.classDays ? Math.round((a.writtenMinutes / a.classDays) * 10) / 10 : 0,
    });
    const out = [...groups.entries()].map(([id, a]) => {
      const place = perCounty ? names.counties.get(id) : names.schools.get(id);
      return { id, name: place?.name ?? String(id), code: place?.code ?? '',
        ...figures({ classes: a.classes.size, classDays: a.classDays, writtenMinutes: a.writtenMinutes, overLimitClassDays: a.overLimitClassDays }) };
    }).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id);
    // The total is the rows added up, so a county's figure always equals the sum of its schools.
    const sum = (k: 'classes' | 'classDays' | 'writtenMinutes' | 'overLimitClassDays') => out.reduce((n, r) => n + r[k], 0);
    const total = figures({ classes: sum('classes'), classDays: sum('classDays'), writtenMinutes: sum('writtenMinutes'), overLimitClassDays: sum('overLimitClassDays') });
    return { level: perCounty ? 'county' as const : 'school' as const, weekStart, weekEnd, rows: out, total };
  }

  /** The classes the caller posts homework for (a teacher's own, a principal's school's), with each one's limit. */
  async function staffClasses(actor: Actor) {
    const classes = await deps.children.classes(actor, 'class:write');
    return {
      items: classes.map((c) => {
        const rule = homeworkRule(c.gradeLevel);
        return { id: c.id, name: c.name, schoolName: c.schoolName, gradeLevel: c.gradeLevel, writtenLimit: rule.writtenLimit, homeworkAllowed: rule.homeworkAllowed };
      }),
    };
  }

  return { check, post, ofClass, dayOfClass, weekly, staffClasses };
}

export type HomeworkService = ReturnType<typeof createHomeworkService>;
