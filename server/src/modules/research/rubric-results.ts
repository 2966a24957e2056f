import type { FlatItem } from './rubric-definition.js';
import { icc21, krippendorffAlphaInterval, type Ratings, spreadOf } from './rubric-agreement.js';

/** One stored score, with its observer's name. */
export interface ScoreRecord {
  observerUserId: number;
  observerName: string;
  itemKey: string;
  score: number;
  note: string;
}

export interface Agreement {
  /** Observers with at least one score. */
  observers: number;
  /** Items (units) scored by at least two observers. */
  items: number;
  alpha: number | null;
  icc: number | null;
  /** ICC(2,k): the reliability of the observers' mean. */
  iccMean: number | null;
  /** Items every observer scored (the ICC's n). */
  iccItems: number;
  /** Share of the compared items on which all observers chose the same level. */
  exactShare: number | null;
}

/** Two decimals for scores and means, three for coefficients: the page, the Excel and the PDF show the same. */
const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const r3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

/**
 * The agreement of observers over units (items of one lesson, or of every lesson of an activity).
 * Each score is first put on its item's own 0–1 scale ((score − lowest level) / (highest − lowest)),
 * so an item scored 0–10 weighs no more than one scored 1–4; alpha and ICC are unchanged by one
 * common rescaling, so where all items share a scale this changes nothing.
 */
export function agreementOf(units: { item: FlatItem; byObserver: Map<number, number> }[], observerIds: number[]): Agreement {
  const ratings: Ratings = units.map((u) => observerIds.map((id) => {
    const s = u.byObserver.get(id);
    return s === undefined ? null : (s - u.item.min) / (u.item.max - u.item.min);
  }));
  const alpha = krippendorffAlphaInterval(ratings);
  const icc = icc21(ratings);
  const compared = units.filter((u) => u.byObserver.size >= 2);
  const same = compared.filter((u) => new Set(u.byObserver.values()).size === 1).length;
  return {
    observers: observerIds.filter((id) => units.some((u) => u.byObserver.has(id))).length,
    items: alpha.units, alpha: r3(alpha.alpha), icc: r3(icc.icc), iccMean: r3(icc.iccMean), iccItems: icc.targets,
    exactShare: compared.length ? r3(same / compared.length) : null,
  };
}

/**
 * One lesson's results on a rubric: each observer's scores with their weighted total
 * (Σ weight × score, only once every item is scored), and per item the mean and the spread that
 * shows where observers disagree: flagged when two of them are two or more levels apart (or,
 * on a two-level item, chose different levels).
 */
export function lessonResults(items: FlatItem[], scores: ScoreRecord[]) {
  const known = new Map(items.map((i) => [i.key, i]));
  const mine = scores.filter((s) => known.has(s.itemKey));
  const observerIds = [...new Set(mine.map((s) => s.observerUserId))];
  const names = new Map(mine.map((s) => [s.observerUserId, s.observerName]));
  const observers = observerIds
    .map((id) => {
      const own = mine.filter((s) => s.observerUserId === id);
      const byItem = new Map(own.map((s) => [s.itemKey, s]));
      const complete = items.every((i) => byItem.has(i.key));
      const total = complete ? items.reduce((sum, i) => sum + i.weight * byItem.get(i.key)!.score, 0) : null;
      return {
        userId: id, name: names.get(id) ?? '',
        scores: items.filter((i) => byItem.has(i.key)).map((i) => ({ itemKey: i.key, score: byItem.get(i.key)!.score, note: byItem.get(i.key)!.note })),
        scored: byItem.size, complete, total: r2(total),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.userId - b.userId);
  const units = items.map((item) => ({
    item, byObserver: new Map(mine.filter((s) => s.itemKey === item.key).map((s) => [s.observerUserId, s.score])),
  }));
  const itemStats = units.map(({ item, byObserver }) => {
    const values = [...byObserver.values()];
    const spread = spreadOf(values);
    const levelOf = (v: number) => item.scores.indexOf(v);
    const levelSpread = values.length ? Math.max(...values.map(levelOf)) - Math.min(...values.map(levelOf)) : null;
    const disagree = levelSpread !== null && (levelSpread >= 2 || (item.scores.length === 2 && levelSpread === 1));
    return {
      key: item.key, n: spread.n, mean: r2(spread.mean), sd: r2(spread.sd), min: spread.min, max: spread.max, range: r2(spread.range),
      levelSpread, disagree,
    };
  });
  const totals = observers.filter((o) => o.total !== null).map((o) => o.total!);
  const maxTotal = items.reduce((sum, i) => sum + i.weight * i.max, 0);
  const meanTotal = totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : null;
  return {
    observers, items: itemStats, meanTotal: r2(meanTotal), completeObservers: totals.length,
    meanPercent: meanTotal !== null && maxTotal > 0 ? r2((meanTotal / maxTotal) * 100) : null,
    agreement: agreementOf(units, observerIds),
    units,
  };
}

/** Σ weight × highest level: what a weighted total is out of. */
export function maxTotalOf(items: FlatItem[]): number {
  return r2(items.reduce((sum, i) => sum + i.weight * i.max, 0))!;
}
