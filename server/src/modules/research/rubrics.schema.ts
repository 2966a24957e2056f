import { type TSchema, Type } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A key of a dimension or item: short, stable, ASCII (comments tag items by it, scores store it). */
export const RUBRIC_KEY_PATTERN = '^[a-z][a-z0-9_]{0,39}$';
const Key = Type.String({ pattern: RUBRIC_KEY_PATTERN, minLength: 1, maxLength: 40, description: 'a–z, 0–9 and _, starting with a letter' });

export const RUBRIC_STATUSES = ['draft', 'published', 'archived'] as const;

/**
 * One level of an item (优 / 良 / 中 / 差…): its score, a short label and what the observer sees
 * that earns it. The counts and the rules that need a name in the message (at least two levels,
 * weights above zero, unique keys and scores) are checked by rubric-definition.ts.
 */
export const RubricLevel = Type.Object({
  score: Type.Number({ minimum: 0, maximum: 1000 }),
  label: Type.String({ minLength: 1, maxLength: 20 }),
  descriptor: Type.String({ maxLength: 500 }),
});

export const RubricItem = Type.Object({
  key: Key,
  text: Type.String({ minLength: 1, maxLength: 200, description: 'what the observer looks at (观察点)' }),
  weight: Type.Number({ minimum: 0, maximum: 100, description: 'the item\'s weight in the weighted total; above 0' }),
  levels: Type.Array(RubricLevel, { maxItems: 10 }),
});

export const RubricDimension = Type.Object({
  key: Key,
  name: Type.String({ minLength: 1, maxLength: 50 }),
  items: Type.Array(RubricItem, { maxItems: 30 }),
});

/** The stored JSON of observation_rubrics.definition: dimensions → items → levels. */
export const RubricDefinition = Type.Object({
  dimensions: Type.Array(RubricDimension, { maxItems: 12 }),
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const RubricBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.String({ maxLength: 2000 }),
  definition: RubricDefinition,
});

export const ListRubricsQuery = Type.Object({
  status: Type.Optional(Type.Enum(RUBRIC_STATUSES)),
});

export const RubricOwner = Type.Object({
  level: Type.Union([Type.Literal('city'), Type.Literal('county')]),
  cityId: Type.Integer(),
  countyId: Nullable(Type.Integer()),
  /** 聊城市 or 冠县. */
  name: Type.String(),
});

export const RubricSummarySchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  status: Type.Enum(RUBRIC_STATUSES),
  version: Type.Integer(),
  copiedFromRubricId: Nullable(Type.Integer()),
  owner: RubricOwner,
  dimensionCount: Type.Integer(),
  itemCount: Type.Integer(),
  /** Scores given on it (a published rubric with scores is locked). */
  scoreCount: Type.Integer(),
  /** Activities that observe on it. */
  activityCount: Type.Integer(),
  /** Whether the caller may edit, publish, archive it (rubric:write over its owner). */
  canWrite: Type.Boolean(),
  createdByName: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const RubricSchema = Type.Object({
  ...RubricSummarySchema.properties,
  definition: RubricDefinition,
  /** Published and scored on: only a copy may change. */
  locked: Type.Boolean(),
});

export const RubricList = Type.Object({ items: Type.Array(RubricSummarySchema) });
