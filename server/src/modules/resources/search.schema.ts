import { Type } from 'typebox';
import { FEATURE_LEVELS, RESOURCE_KINDS, RESOURCE_SCOPES, STAGES } from '../../../../shared/resources.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Short = (description: string) => Type.String({ minLength: 1, maxLength: 50, description });

/** GET /api/resources/search and its public twin. Query length and emptiness are checked by the service (a Chinese reason). */
export const SearchQuery = Type.Object({
  q: Type.String({ maxLength: 1000, description: '搜索词：1–50 个字，中文按词切分' }),
  stage: Type.Optional(Type.Enum(STAGES, { description: '学段' })),
  subject: Type.Optional(Short('学科，如 数学')),
  grade: Type.Optional(Short('年级，如 三年级')),
  kind: Type.Optional(Type.Enum(RESOURCE_KINDS, { description: 'lesson 课例 / courseware 课件' })),
  feature: Type.Optional(Type.Enum(FEATURE_LEVELS, { description: '优课 quality / 精品课 premium' })),
  scope: Type.Optional(Type.Enum(RESOURCE_SCOPES, { description: '发布范围' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
}, { additionalProperties: false });

const Segments = Type.Array(Type.Object({ text: Type.String(), hit: Type.Boolean() }), { description: 'the text in order; hit: a searched word (show marked)' });

export const SearchAnswer = Type.Object({
  query: Type.String(),
  words: Type.Array(Type.String(), { description: 'the words searched (jieba), or the characters of a short query' }),
  total: Type.Integer({ minimum: 0, description: 'hits, exact up to 1000; when totalCapped, 1000 and more' }),
  totalCapped: Type.Boolean({ description: 'more hits than total: show "1000+"' }),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
  hits: Type.Array(Type.Object({
    id: Type.Integer(),
    kind: Type.String(),
    title: Segments,
    snippet: Type.Union([Segments, Type.Null()]),
    snippetFrom: Type.Union([Type.Literal('body'), Type.Literal('description'), Type.Null()]),
    stage: Type.String(),
    subject: Type.String(),
    grade: Type.String(),
    edition: Type.String(),
    volume: Type.String(),
    unit: Type.String(),
    lesson: Type.String(),
    tags: Type.Array(Type.String()),
    feature: Nullable(Type.String()),
    visibleScope: Nullable(Type.String()),
    reviewStage: Type.String(),
  })),
});
