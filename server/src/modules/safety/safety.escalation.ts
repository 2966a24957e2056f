import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays, shanghaiDate } from '../../../../shared/dates.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { staffAtNode } from '../people/who-answers.js';
import * as q from './safety.queries.js';

const LEVEL_NAMES: Record<string, string> = { general: '一般', major: '较大', severe: '重大' };

/**
 * The safe campus's work on the clock (the family+safety composition root's due list runs it every
 * minute; tests with a moved clock). A hazard whose rectification deadline has passed (the day
 * after the deadline, Asia/Shanghai) and that is not rectified is escalated to its county, once:
 * the row is marked before anyone is told, and only the run that marked it tells.
 *
 * Who at the county: the county bureau's administrators (county_admin). No county department of
 * the platform (教科所, 电教馆, 学前教研室) answers for school safety — that is the bureau's own
 * safety office, which the platform has no department for — so the bureau's administrators receive
 * it, and the school's principals hear that it was escalated. A day before a deadline, the person
 * who answers for the hazard and the principals are reminded (once, by a dedupe key).
 */
export function createSafetyEscalation(deps: { db: Kysely<Database>; audit: AuditService; notifications: NotificationsService }) {
  async function run(now: Date): Promise<{ escalated: number; reminded: number }> {
    const today = shanghaiDate(now);
    let escalated = 0;
    for (const h of await q.overdueNotEscalated(deps.db, today)) {
      if (!await q.markEscalated(deps.db, h.id, now.toISOString())) continue;
      escalated++;
      const admins = await staffAtNode(deps.db, { countyId: h.county_id }, ['county_admin'], { limit: 100 });
      const msg = {
        kind: 'safety_hazard_escalated',
        title: `安全隐患逾期未整改：${h.school_name}`,
        body: `${h.school_name}的${LEVEL_NAMES[h.level] ?? ''}隐患「${h.title}」整改期限 ${h.deadline} 已过，仍未整改，已上报县教育局督办。`,
        link: `/safety/hazards/${h.id}`,
        dedupeKey: `safety_escalated:${h.id}`,
      };
      await deps.notifications.notify(admins.map((a) => a.userId), msg);
      await deps.notifications.notifyPrincipals(h.school_id, msg);
      await deps.audit.record({
        actor: null, action: 'safety.hazard.escalate', targetType: 'safety_hazard', targetId: h.id, result: 'success', ip: '',
        detail: { schoolId: h.school_id, countyId: h.county_id, deadline: h.deadline, notified: admins.length },
      });
    }
    const tomorrow = addDays(today, 1);
    const due = await deps.db.selectFrom('safety_hazards').select(['id', 'school_id', 'title', 'responsible_user_id', 'deadline'])
      .where('status', 'in', ['open', 'rectifying']).where('deadline', '=', tomorrow).execute();
    let reminded = 0;
    for (const h of due) {
      const msg = {
        kind: 'safety_hazard_due', title: `隐患明天到期：${h.title}`, body: `隐患「${h.title}」的整改期限是 ${h.deadline}，请按期整改并上传整改照片。`,
        link: `/safety/hazards/${h.id}`, dedupeKey: `safety_due:${h.id}:${h.deadline}`,
      };
      reminded += await deps.notifications.notify([h.responsible_user_id], msg);
      reminded += await deps.notifications.notifyPrincipals(h.school_id, msg);
    }
    return { escalated, reminded };
  }
  return { run };
}
