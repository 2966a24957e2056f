import type { Static } from 'typebox';
import { Value } from 'typebox/value';
import { badRequest } from '../../http/errors.js';
import { RubricDefinition } from './rubrics.schema.js';

export type Definition = Static<typeof RubricDefinition>;
export type DefinitionItem = Definition['dimensions'][number]['items'][number];

/** An item with its dimension, its scale (lowest and highest level score) and its place in order. */
export interface FlatItem {
  key: string;
  text: string;
  weight: number;
  dimensionKey: string;
  dimensionName: string;
  /** Level scores, lowest first. */
  scores: number[];
  min: number;
  max: number;
  levels: DefinitionItem['levels'];
}

/**
 * The rules of a rubric the JSON schema cannot name in words: every error says which dimension or
 * item is wrong, in Chinese, so the editor can show it beside the field. Returns the definition
 * with texts trimmed. Throws 400 with a RUBRIC_* code on the first problem.
 */
export function checkDefinition(def: Definition): Definition {
  const out: Definition = {
    dimensions: def.dimensions.map((d) => ({
      key: d.key, name: d.name.trim(),
      items: d.items.map((i) => ({
        key: i.key, text: i.text.trim(), weight: i.weight,
        levels: i.levels.map((l) => ({ score: l.score, label: l.label.trim(), descriptor: l.descriptor.trim() })),
      })),
    })),
  };
  if (out.dimensions.length === 0) {
    throw badRequest('RUBRIC_EMPTY', '量表还没有维度：请至少添加一个维度（如「教学目标」），并在其中添加观察项目');
  }
  const dimensionKeys = new Map<string, string>();
  const itemKeys = new Map<string, string>();
  for (const d of out.dimensions) {
    const earlier = dimensionKeys.get(d.key);
    if (earlier !== undefined) {
      throw badRequest('RUBRIC_KEY_TWICE', `维度「${earlier}」和「${d.name}」的编号都是「${d.key}」：每个维度的编号必须唯一`, { key: d.key });
    }
    dimensionKeys.set(d.key, d.name);
    if (d.items.length === 0) {
      throw badRequest('RUBRIC_DIMENSION_EMPTY', `维度「${d.name}」还没有观察项目：请添加至少一项，或删除这个维度`, { dimension: d.key });
    }
    for (const item of d.items) {
      const where = `维度「${d.name}」的观察项目「${item.text}」`;
      const before = itemKeys.get(item.key);
      if (before !== undefined) {
        throw badRequest('RUBRIC_KEY_TWICE', `观察项目「${before}」和「${item.text}」的编号都是「${item.key}」：每个观察项目的编号在整张量表中必须唯一`, { key: item.key });
      }
      itemKeys.set(item.key, item.text);
      if (!(item.weight > 0)) {
        throw badRequest('RUBRIC_WEIGHT_NOT_POSITIVE', `${where}的权重是 ${item.weight}：权重必须大于 0（不计分的项目请删除）`, { item: item.key });
      }
      if (item.levels.length < 2) {
        throw badRequest('RUBRIC_LEVELS_TOO_FEW', `${where}只有 ${item.levels.length} 个等级：每项至少需要两个等级（如 优、良、中、差），观察者才能区分`, { item: item.key });
      }
      const scores = new Set<number>();
      for (const level of item.levels) {
        if (scores.has(level.score)) {
          throw badRequest('RUBRIC_LEVEL_SCORE_TWICE', `${where}有两个等级都是 ${level.score} 分：同一项目各等级的分值必须不同`, { item: item.key });
        }
        scores.add(level.score);
      }
    }
  }
  return out;
}

/** Reads a stored definition; a row that does not fit the schema is a bug, not the caller's fault. */
export function parseDefinition(json: string): Definition {
  const value: unknown = JSON.parse(json);
  if (!Value.Check(RubricDefinition, value)) throw new Error('observation_rubrics.definition does not fit RubricDefinition');
  return value;
}

/** The items in order, each with its dimension and scale. */
export function flatItems(def: Definition): FlatItem[] {
  return def.dimensions.flatMap((d) => d.items.map((i) => {
    const scores = i.levels.map((l) => l.score).sort((a, b) => a - b);
    return {
      key: i.key, text: i.text, weight: i.weight, dimensionKey: d.key, dimensionName: d.name,
      scores, min: scores[0] ?? 0, max: scores[scores.length - 1] ?? 0, levels: i.levels,
    };
  }));
}
