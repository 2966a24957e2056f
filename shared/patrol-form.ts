/**
 * The class patrol form (巡课记录): a few fixed items a patroller scores while watching a lesson,
 * each from 1 (poor) to 5 (excellent), and a note. Written once here: the server validates and
 * exports with it (modules/patrol/patrol.form.ts), the web draws the form from it (its words
 * through i18n: patrol.items.<key>).
 */
export const PATROL_ITEMS = ['order', 'organisation', 'engagement', 'technology'] as const;
export type PatrolItem = (typeof PATROL_ITEMS)[number];

/** The items as the bureau writes them, for exports and messages. */
export const PATROL_ITEM_LABELS: Record<PatrolItem, string> = {
  order: '课堂秩序',
  organisation: '教学组织',
  engagement: '学生参与',
  technology: '信息技术应用',
};

export const PATROL_SCORE_MIN = 1;
export const PATROL_SCORE_MAX = 5;
export const PATROL_NOTE_MAX = 1000;

export type PatrolScores = Record<PatrolItem, number>;

/** A patrol's score: the mean of its items (1–5), to one decimal, so patrols compare on one scale. */
export function patrolScore(scores: PatrolScores): number {
  const sum = PATROL_ITEMS.reduce((n, item) => n + scores[item], 0);
  return Math.round((sum / PATROL_ITEMS.length) * 10) / 10;
}
