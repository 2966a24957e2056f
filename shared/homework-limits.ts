/**
 * The national limits on homework (教育部《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》,
 * 2021): no written homework in grades 1–2, at most 60 minutes of written homework a day in grades
 * 3–6 and 90 in junior middle school; senior school has no national figure; kindergartens give no
 * homework. Shared by the server (the warning, the head teacher's notice, the weekly figures) and
 * the web (the limit bar), so both say the same.
 */
export const HOMEWORK_KINDS = ['written', 'oral', 'practice'] as const;
/** 书面 / 口头 / 实践: only written homework counts against the daily limit. */
export type HomeworkKind = (typeof HOMEWORK_KINDS)[number];

export type HomeworkStage = 'kindergarten' | 'lower_primary' | 'upper_primary' | 'junior' | 'senior';

export interface HomeworkRule {
  stage: HomeworkStage;
  /** False in kindergarten: no homework of any kind. */
  homeworkAllowed: boolean;
  /** Written minutes a class may be given a day; 0: none allowed; null: no national limit. */
  writtenLimit: number | null;
}

/** The rule for a grade level as the org stores it (-3..-1 kindergarten, 1–6 primary, 7–9 junior, 10–12 senior). */
export function homeworkRule(gradeLevel: number): HomeworkRule {
  if (gradeLevel < 1) return { stage: 'kindergarten', homeworkAllowed: false, writtenLimit: 0 };
  if (gradeLevel <= 2) return { stage: 'lower_primary', homeworkAllowed: true, writtenLimit: 0 };
  if (gradeLevel <= 6) return { stage: 'upper_primary', homeworkAllowed: true, writtenLimit: 60 };
  if (gradeLevel <= 9) return { stage: 'junior', homeworkAllowed: true, writtenLimit: 90 };
  return { stage: 'senior', homeworkAllowed: true, writtenLimit: null };
}

export const HOMEWORK_WARNINGS = ['NO_HOMEWORK', 'NO_WRITTEN_HOMEWORK', 'OVER_WRITTEN_LIMIT'] as const;
/** NO_HOMEWORK: a kindergarten; NO_WRITTEN_HOMEWORK: written homework in grades 1–2; OVER_WRITTEN_LIMIT: the day's written total passes the limit. */
export type HomeworkWarning = (typeof HOMEWORK_WARNINGS)[number];

/** Whether a class-day's written total breaks the rule (grades 1–2: any written minute does). */
export function overWrittenLimit(rule: HomeworkRule, writtenMinutes: number): boolean {
  return rule.writtenLimit !== null && writtenMinutes > rule.writtenLimit;
}

/**
 * The warning a new piece of homework earns, given the written minutes the class already has
 * that day. Posting is still allowed: the limit is the school's duty to keep, the platform says so.
 */
export function homeworkWarning(rule: HomeworkRule, dayWrittenBefore: number, kind: HomeworkKind, minutes: number): HomeworkWarning | null {
  if (!rule.homeworkAllowed) return 'NO_HOMEWORK';
  if (kind !== 'written') return null;
  if (rule.writtenLimit === 0) return 'NO_WRITTEN_HOMEWORK';
  return overWrittenLimit(rule, dayWrittenBefore + minutes) ? 'OVER_WRITTEN_LIMIT' : null;
}
