import { badRequest } from '../../http/errors.js';
import { isIsoDate } from '../../../../shared/dates.js';

/** A room's lifecycle, in order: 计划建设 → 设备安装 → 激活 → 常态化使用. */
export const ROOM_STATUSES = ['planned', 'installed', 'activated', 'in_use'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

export const ROOM_STATUS_LABELS: Record<RoomStatus, string> = {
  planned: '计划建设', installed: '设备安装', activated: '激活', in_use: '常态化使用',
};

/** The date each stage was reached (YYYY-MM-DD, Asia/Shanghai), null when not (or no longer) reached. */
export type StageDates = Record<RoomStatus, string | null>;

export interface Lifecycle {
  status: RoomStatus;
  dates: StageDates;
}

export interface TransitionRequest {
  to: RoomStatus;
  /** The day the new stage was reached; defaults to today. */
  date?: string;
  /** Required to step back (e.g. a recorder removed for repair). */
  reason?: string;
}

export const NO_DATES: StageDates = { planned: null, installed: null, activated: null, in_use: null };

const rank = (s: RoomStatus) => ROOM_STATUSES.indexOf(s);

/**
 * The lifecycle after a status change, or a 400 saying which rule it breaks:
 * - forward, by one or more steps: every stage passed gets the date (a school reporting late
 *   may skip steps), which may not be in the future nor before an earlier stage's date;
 * - the same status with a date: corrects the current stage's date under the same checks;
 * - backward: needs a reason (kept in the audit log); the later stages' dates are cleared, the
 *   target stage keeps its own.
 */
export function transition(current: Lifecycle, req: TransitionRequest, today: string): Lifecycle {
  const from = rank(current.status);
  const to = rank(req.to);
  if (to < from) {
    if (!req.reason || req.reason.trim().length < 2) {
      throw badRequest('ROOM_STATUS_BACKWARD_NEEDS_REASON',
        `录播室从「${ROOM_STATUS_LABELS[current.status]}」退回「${ROOM_STATUS_LABELS[req.to]}」需要填写原因（如：设备返厂维修）`);
    }
    const dates = { ...current.dates };
    for (const s of ROOM_STATUSES.slice(to + 1)) dates[s] = null;
    dates[req.to] ??= today;
    return { status: req.to, dates };
  }
  const date = req.date ?? today;
  checkDate(date, today);
  const dates = { ...current.dates };
  const first = to === from ? to : from + 1;
  for (const s of ROOM_STATUSES.slice(0, first)) {
    const earlier = dates[s];
    if (earlier && earlier > date) {
      throw badRequest('ROOM_STATUS_DATE_BEFORE_PREVIOUS',
        `「${ROOM_STATUS_LABELS[req.to]}」的日期 ${date} 早于「${ROOM_STATUS_LABELS[s]}」的日期 ${earlier}，请检查日期`);
    }
  }
  for (const s of ROOM_STATUSES.slice(first, to + 1)) dates[s] = date;
  return { status: req.to, dates };
}

/** The lifecycle of a new room: every stage up to `status` reached on `date` (default today). */
export function initialLifecycle(status: RoomStatus, date: string | undefined, today: string): Lifecycle {
  const day = date ?? today;
  checkDate(day, today);
  const dates = { ...NO_DATES };
  for (const s of ROOM_STATUSES.slice(0, rank(status) + 1)) dates[s] = day;
  return { status, dates };
}

function checkDate(date: string, today: string) {
  if (!isIsoDate(date)) throw badRequest('ROOM_STATUS_DATE_INVALID', `日期「${date}」无效，请使用 2018-04-04 的格式`);
  if (date > today) throw badRequest('ROOM_STATUS_DATE_IN_FUTURE', `日期 ${date} 晚于今天（${today}），状态只能记录已经发生的变化`);
}
