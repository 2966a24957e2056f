import type { Column } from '../../http/column-spec.js';
import { shanghaiInstant } from '../../../../shared/dates.js';

type Parsed<T> = { value: T } | { error: string };

// "2026-12-07 07:31", "2026-12-07 07:31:05", "2026/12/7 7:31" (Asia/Shanghai) or full ISO 8601.
const LOCAL_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function gateTime(raw: string, header: string): Parsed<Date> {
  const m = LOCAL_TIME.exec(raw);
  let at: Date;
  if (m) {
    const [, y, mo, d, h, mi, s] = m;
    const day = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    at = new Date(shanghaiInstant(day, `${h!.padStart(2, '0')}:${mi}`).getTime() + Number(s ?? 0) * 1000);
    if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59 || at.toISOString().slice(0, 4) !== y) at = new Date(NaN);
  } else at = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? new Date(raw) : new Date(NaN);
  if (Number.isNaN(at.getTime())) return { error: `${header}应为“2026-12-07 07:31:05”这样的日期时间（北京时间），当前为 "${raw.slice(0, 40)}"` };
  return { value: at };
}

function direction(raw: string, header: string): Parsed<'in' | 'out'> {
  const v = raw.toLowerCase();
  if (v === 'in' || v === '进' || v === '入') return { value: 'in' };
  if (v === 'out' || v === '出') return { value: 'out' };
  return { error: `${header} "${raw.slice(0, 40)}" 无法识别，应为 in（进校）或 out（离校）` };
}

function studentNo(raw: string, header: string): Parsed<string> {
  if (raw.length > 40) return { error: `${header}最多 40 个字符，当前为 ${raw.length} 个` };
  return { value: raw };
}

/** The columns of a gate system's export, as most gates name them. */
export const GATE_COLUMNS = {
  studentNo: { header: 'student_no', required: true, note: '学号，与平台学生名单一致', example: '20250101', parse: studentNo } satisfies Column<string>,
  time: { header: 'time', required: true, note: '通过时间（北京时间）', example: '2026-12-07 07:31:05', parse: gateTime } satisfies Column<Date>,
  direction: { header: 'direction', required: true, note: 'in 进校 / out 离校', example: 'in', parse: direction } satisfies Column<'in' | 'out'>,
};
