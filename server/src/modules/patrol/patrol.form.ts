import { Type } from 'typebox';
import {
  PATROL_ITEM_LABELS, PATROL_ITEMS, PATROL_NOTE_MAX, PATROL_SCORE_MAX, PATROL_SCORE_MIN, type PatrolItem, type PatrolScores, patrolScore,
} from '../../../../shared/patrol-form.js';

/**
 * The patrol form (巡课记录) as the server takes it: the items and their scale are written once in
 * shared/patrol-form.ts, which the web draws the form from; here they become the request schema
 * and the stored JSON.
 */
export { PATROL_ITEM_LABELS, PATROL_ITEMS, PATROL_NOTE_MAX, type PatrolItem, type PatrolScores, patrolScore };

const Score = Type.Integer({ minimum: PATROL_SCORE_MIN, maximum: PATROL_SCORE_MAX, description: `${PATROL_SCORE_MIN}–${PATROL_SCORE_MAX}` });

/** Every item scored, nothing else: an item left out is a 400 naming it. */
export const PatrolScoresSchema = Type.Object(
  Object.fromEntries(PATROL_ITEMS.map((item) => [item, Type.Integer({ ...Score, description: `${PATROL_ITEM_LABELS[item]}（${PATROL_SCORE_MIN}–${PATROL_SCORE_MAX}）` })])) as Record<PatrolItem, typeof Score>,
);

/** Stored scores (patrols.scores) back as the form's scores. */
export function readScores(json: string): PatrolScores {
  return JSON.parse(json) as PatrolScores;
}

/** The scores to store: the form's items in its order. */
export function writeScores(scores: PatrolScores): string {
  return JSON.stringify(Object.fromEntries(PATROL_ITEMS.map((item) => [item, scores[item]])));
}
