import type { Kysely } from 'kysely';
import { shanghaiWallClock } from '../../../../shared/dates.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import * as q from './activity-export.queries.js';
import { activityWorkbook } from './activity-export.xlsx.js';
import { activityPdf } from './activity-export.pdf.js';
import type { ResearchReach } from './research-reach.js';
import { analyseCodes } from './st-analysis.js';
import { activityLessons } from './scores.queries.js';
import type { ActivityRubricResults, ScoresService } from './scores.service.js';

/**
 * Rt (teacher occupancy), Ch (conversion rate) and the lesson type of one S-T coding, as the
 * export prints them. The maths is the S-T area's (shared/st-analysis.ts); a composition root may
 * pass another function, or none to list only the coders and their coded intervals.
 */
export type StFigures = (codes: string, intervalSeconds: number) => { rt: number | null; ch: number | null; lessonType: string | null };

const LESSON_TYPE = { practice: '练习型', lecture: '讲授型', dialogue: '对话型', mixed: '混合型' } as const;

/** The S-T area's Rt, Ch and lesson type of a code string, with the type's Chinese name. */
export const stFiguresOf: StFigures = (codes) => {
  const f = analyseCodes(codes);
  return { rt: f.rt, ch: f.ch, lessonType: f.type ? LESSON_TYPE[f.type] : null };
};

const KIND = { joint_prep: '集体备课', same_topic: '同课异构', open_lesson: '公开课', lesson_review: '评课议课' } as const;
const STATUS = { planned: '筹备中', open: '评课中', summarised: '已总结' } as const;
const ROLE = { organiser: '组织者', teacher: '执教教师', observer: '观课教师' } as const;

/** 12:34 on the lesson's clock. */
export function clockText(ms: number): string {
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

function instantText(iso: string): string {
  const w = shanghaiWallClock(new Date(iso));
  return `${w.date} ${w.hhmm}`;
}

export interface StCodingLine {
  coderName: string;
  intervalSeconds: number;
  codes: string;
  /** Intervals given a letter (not '-'). */
  coded: number;
  counts: { T: number; S: number; D: number };
  figures: ReturnType<StFigures> | null;
}

export interface CommentLine {
  id: number;
  at: string;
  authorName: string;
  body: string;
  /** The rubric item's text it is tagged with. */
  tag: string | null;
  /** A reply: the id of the comment it answers. */
  replyTo: number | null;
  createdAt: string;
}

/** Everything the 评课记录 shows, gathered once for both formats. */
export interface ActivityRecord {
  generatedAt: string;
  activity: {
    id: number; topic: string; kind: string; subject: string; grade: string; status: string; organiserName: string; ownerName: string;
    groupName: string | null; startsOn: string; endsOn: string; reviewDeadline: string | null; description: string; summary: string | null;
    summarisedAt: string | null; stIntervalSeconds: number;
  };
  schools: { name: string; code: string; countyName: string }[];
  members: { name: string; role: string; schoolName: string | null }[];
  lessons: {
    position: number; title: string; teacherName: string; schoolName: string; attachedAt: string;
    comments: CommentLine[]; st: StCodingLine[];
  }[];
  results: ActivityRubricResults;
  /** Whether Rt/Ch come with the S-T codings (the S-T area's hook is wired). */
  stFigures: boolean;
}

/** The 评课记录 of a whole activity, as Excel and PDF, for whoever reaches the activity. */
export function createActivityExport(deps: {
  db: Kysely<Database>; clock: Clock; audit: AuditService; reach: ResearchReach; scores: Pick<ScoresService, 'resultsOf'>; stFigures?: StFigures;
}) {
  const { db } = deps;

  async function gather(actor: Actor, activityId: number): Promise<ActivityRecord> {
    const act = await deps.reach.activity(actor, activityId);
    const [names, schools, members, lessonRows, comments, codings, results] = await Promise.all([
      q.activityNames(db, act), q.activitySchools(db, act.id), q.activityMembers(db, act.id), activityLessons(db, act.id),
      q.activityComments(db, act.id), q.activityStCodings(db, act.id), deps.scores.resultsOf(act),
    ]);
    const itemText = new Map(results.items.map((i) => [i.key, i.text]));
    return {
      generatedAt: instantText(deps.clock.now().toISOString()),
      activity: {
        id: act.id, topic: act.topic, kind: KIND[act.kind], subject: act.subject, grade: act.grade, status: STATUS[act.status],
        organiserName: names.organiserName, ownerName: names.ownerName, groupName: names.groupName, startsOn: act.starts_on, endsOn: act.ends_on,
        reviewDeadline: act.review_deadline ? instantText(act.review_deadline) : null, description: act.description, summary: act.summary,
        summarisedAt: act.summarised_at ? instantText(act.summarised_at) : null, stIntervalSeconds: act.st_interval_seconds,
      },
      schools: schools.map((s) => ({ name: s.school_name, code: s.school_code, countyName: s.county_name })),
      members: members.map((m) => ({ name: m.name, role: ROLE[m.role], schoolName: m.school_name })),
      lessons: lessonRows.map((l) => ({
        position: l.position, title: l.title, teacherName: l.teacher_name, schoolName: l.school_name, attachedAt: instantText(l.attached_at),
        comments: comments.filter((c) => c.school_id === l.school_id && c.group_id === l.group_id).map((c) => ({
          id: c.id, at: clockText(c.at_ms), authorName: c.author_name, body: c.body,
          tag: c.rubric_item_key ? (itemText.get(c.rubric_item_key) ?? c.rubric_item_key) : null, replyTo: c.parent_id, createdAt: instantText(c.created_at),
        })),
        st: codings.filter((c) => c.school_id === l.school_id && c.group_id === l.group_id).map((c) => ({
          coderName: c.coder_name, intervalSeconds: c.interval_seconds, codes: c.codes,
          coded: [...c.codes].filter((x) => x !== '-').length,
          counts: { T: count(c.codes, 'T'), S: count(c.codes, 'S'), D: count(c.codes, 'D') },
          figures: deps.stFigures ? deps.stFigures(c.codes, c.interval_seconds) : null,
        })),
      })),
      results,
      stFigures: Boolean(deps.stFigures),
    };
  }

  async function exportAs(w: { actor: Actor; ip: string }, activityId: number, format: 'xlsx' | 'pdf') {
    const record = await gather(w.actor, activityId);
    const buffer = format === 'xlsx' ? await activityWorkbook(record) : await activityPdf(record);
    await deps.audit.record({
      actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip, action: 'research.export', targetType: 'research_activity',
      targetId: activityId, result: 'success', detail: { format, lessons: record.lessons.length },
    });
    const day = record.generatedAt.slice(0, 10);
    return { buffer, filename: `评课记录-${record.activity.topic.slice(0, 40)}-${day}.${format}` };
  }

  return { gather, exportAs };
}

function count(codes: string, letter: string): number {
  let n = 0;
  for (const c of codes) if (c === letter) n++;
  return n;
}

export type ActivityExport = ReturnType<typeof createActivityExport>;
