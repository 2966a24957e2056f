import type { Kysely } from 'kysely';
import { DEPARTMENTS, type SchoolKind } from '../../../../shared/domain.js';
import { addDays, shanghaiWallClock } from '../../../../shared/dates.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { departmentAnswersFor } from '../../access/department-duties.js';
import { countyNames, departmentKey, departmentStaff, principalsOf } from './notifications.recipients.js';
import type { Notify } from './notifications.service.js';

const DEPARTMENT_LABEL = { research: '教科所', edtech: '电教馆', preschool: '学前教研室' } as const;
// A digest lists at most this many schools by name; the link leads to the full list.
const NAMED_IN_DIGEST = 15;
// Links open the dashboards' pages (web/src/features/dashboards/components/links.ts).

const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** One tracked school on one day as compliance reports it (compliance.countedOn), passed in: notifications sits below compliance. */
export interface CountedOnRow {
  schoolId: number;
  code: string;
  name: string;
  kind: SchoolKind;
  countyId: number;
  cityId: number;
  schoolDay: boolean;
  required: number;
  counted: number;
  met: boolean;
}

export interface GeneratorDeps {
  db: Kysely<Database>;
  clock: Clock;
  compliance: { countedOn(day: string, filter?: { countyIds?: readonly number[]; schoolIds?: readonly number[] }): Promise<CountedOnRow[]> };
  notify: Notify;
  /** Asia/Shanghai hour from which a school short of its quota today is reminded (QUOTA_REMINDER_HOUR). */
  reminderHour: number;
  /** Asia/Shanghai hour from which yesterday's digest goes to the county departments (DIGEST_HOUR). */
  digestHour: number;
}

/**
 * The notifications the platform sends by itself. Both are once a day per person and safe to run
 * often and from several processes: each notification carries a dedupe key (`<kind>:<day>…`) that
 * the inbox's unique index lets in only once.
 */
export function createNotificationGenerators(deps: GeneratorDeps) {
  /**
   * From the reminder hour on a school day, the principals of each tracked school with fewer counted
   * lessons than it needs so far today get one reminder. The school day and the counts are the
   * compliance rollup's, computed by the calendar's one school-day function and the recordings'
   * `counts`. Returns the notifications added.
   */
  async function quotaReminders(): Promise<number> {
    const now = shanghaiWallClock(deps.clock.now());
    if (now.hhmm < hh(deps.reminderHour)) return 0;
    const day = now.date;
    const short = (await deps.compliance.countedOn(day)).filter((r) => r.schoolDay && r.counted < r.required);
    if (!short.length) return 0;
    const principals = await principalsOf(deps.db, short.map((r) => r.schoolId));
    let added = 0;
    for (const r of short) {
      const to = principals.get(r.schoolId) ?? [];
      if (!to.length) continue;
      added += await deps.notify(to, {
        kind: 'quota_reminder',
        title: `${r.name}今日录播课 ${r.counted}/${r.required} 节`,
        body: `截至 ${hh(deps.reminderHour)}，${r.name}今天（${md(day)}）已计入 ${r.counted} 节录播课，每个上课日至少需要 ${r.required} 节。请安排今天余下的课程录播，以免当日不达标。`,
        link: `/dashboard/schools/${r.schoolId}?asOf=${day}`,
        dedupeKey: `quota_reminder:${day}:${r.schoolId}`,
      });
    }
    return added;
  }

  /**
   * From the digest hour, yesterday's compliance goes to each county department's staff: the
   * 教科所 gets all its county's tracked schools, the 电教馆 and 学前教研室 the schools they answer
   * for. A department with no school day yesterday gets nothing. Returns the notifications added.
   */
  async function dailyDigests(): Promise<number> {
    const now = shanghaiWallClock(deps.clock.now());
    if (now.hhmm < hh(deps.digestHour)) return 0;
    const day = addDays(now.date, -1);
    const rows = (await deps.compliance.countedOn(day)).filter((r) => r.schoolDay);
    if (!rows.length) return 0;
    const counties = [...new Set(rows.map((r) => r.countyId))];
    const [{ staff, names }, countyName] = await Promise.all([departmentStaff(deps.db, counties), countyNames(deps.db, counties)]);
    let added = 0;
    for (const countyId of counties) {
      for (const department of DEPARTMENTS) {
        const to = staff.get(departmentKey(countyId, department)) ?? [];
        const mine = rows.filter((r) => r.countyId === countyId && departmentAnswersFor(department, r.kind));
        if (!to.length || !mine.length) continue;
        const met = mine.filter((r) => r.met).length;
        const missed = mine.filter((r) => !r.met);
        const who = names.get(departmentKey(countyId, department)) ?? `${countyName.get(countyId) ?? ''}${DEPARTMENT_LABEL[department]}`;
        const listed = missed.slice(0, NAMED_IN_DIGEST).map((r) => `${r.name}（${r.counted}/${r.required}）`).join('、');
        const more = missed.length > NAMED_IN_DIGEST ? ` 等 ${missed.length} 所` : '';
        added += await deps.notify(to, {
          kind: 'daily_digest',
          title: `${md(day)}录播日报：${met}/${mine.length} 所学校达标`,
          body: `${who}：${md(day)}（${day}）应录播学校 ${mine.length} 所，达标 ${met} 所，未达标 ${missed.length} 所。`
            + (missed.length ? `未达标：${listed}${more}。` : '全部达标。'),
          link: `/dashboard/compliance?from=${day}&to=${day}&countyId=${countyId}&met=false`,
          dedupeKey: `daily_digest:${day}:${countyId}:${department}`,
        });
      }
    }
    return added;
  }

  /** Runs whichever generator is due (maintenance calls this every few minutes). */
  async function runDue() {
    return { reminders: await quotaReminders(), digests: await dailyDigests() };
  }

  return { quotaReminders, dailyDigests, runDue };
}

export type NotificationGenerators = ReturnType<typeof createNotificationGenerators>;
