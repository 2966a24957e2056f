import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { hardenRequestSchema, INT32_MAX, PAGE_MAX } from './request-schemas.js';
import { requestAjv } from './validators.js';

type S = Record<string, any>;

describe('the default limits of request schemas', () => {
  const body = Type.Object({
    name: Type.String({ minLength: 1, maxLength: 40 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    password: Type.Optional(Type.String({ minLength: 8 })),
    schoolId: Type.Integer(),
    schoolIds: Type.Optional(Type.Array(Type.Integer())),
    minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 600 })),
    kind: Type.Optional(Type.Union([Type.Literal('a'), Type.Literal('b')])),
    extra: Type.Optional(Type.Object({ open: Type.Boolean() }, { additionalProperties: true })),
  });

  it('bounds ids to what a column holds, pages to a sane number, and keeps a route’s own bounds', () => {
    const s = hardenRequestSchema(body, 'body') as S;
    expect(s.properties.schoolId).toMatchObject({ minimum: 1, maximum: INT32_MAX });
    expect(s.properties.schoolIds.items).toMatchObject({ minimum: 1, maximum: INT32_MAX });
    expect(s.properties.minutes).toMatchObject({ minimum: 0, maximum: 600 });
    const q = hardenRequestSchema(Type.Object({ page: Type.Integer(), offset: Type.Integer() }), 'querystring') as S;
    expect(q.properties.page).toMatchObject({ minimum: 1, maximum: PAGE_MAX });
    expect(q.properties.offset).toMatchObject({ minimum: -(2 ** 31), maximum: INT32_MAX });
  });

  it('refuses unknown fields in bodies only, unless a schema allows them', () => {
    expect((hardenRequestSchema(body, 'body') as S).additionalProperties).toBe(false);
    expect((hardenRequestSchema(body, 'body') as S).properties.extra.additionalProperties).toBe(true);
    expect((hardenRequestSchema(body, 'querystring') as S).additionalProperties).toBeUndefined();
  });

  it('marks text as one line, multi-line or secret, and leaves choices alone', () => {
    const s = hardenRequestSchema(body, 'body') as S;
    expect(s.properties.name['x-text']).toBe('line');
    expect(s.properties.note['x-text']).toBe('text');
    expect(s.properties.password['x-text']).toBe('secret');
    expect(JSON.stringify(s.properties.kind)).not.toContain('x-text');
  });

  it('merges an intersection of objects so that no part refuses the fields of another', () => {
    const both = Type.Intersect([Type.Object({ schoolId: Type.Optional(Type.Integer()) }), Type.Object({ days: Type.Array(Type.String()) })]);
    const s = hardenRequestSchema(both, 'body') as S;
    expect(s).toMatchObject({ type: 'object', required: ['days'], additionalProperties: false });
    expect(Object.keys(s.properties)).toEqual(['schoolId', 'days']);
  });

  it('changes a copy: the schema shared with other routes and answers stays as it was', () => {
    const before = JSON.stringify(body);
    hardenRequestSchema(body, 'body');
    expect(JSON.stringify(body)).toBe(before);
  });

  it('makes the validators refuse control characters, blank names and impossible days', () => {
    const ajv = requestAjv('body');
    const check = ajv.compile(hardenRequestSchema(Type.Object({
      name: Type.String({ minLength: 1, maxLength: 40 }), note: Type.Optional(Type.String()), day: Type.Optional(Type.String({ format: 'date' })),
    }), 'body') as S);
    expect(check({ name: '冠县实验小学' })).toBe(true);
    expect(check({ name: 'a\u0000b' })).toBe(false);
    expect(check({ name: '冠县\n实验' })).toBe(false);
    expect(check({ name: '   ' })).toBe(false);
    expect(check({ name: 'x', note: '第一行\n第二行\t' })).toBe(true);
    expect(check({ name: 'x', note: 'a\u0000' })).toBe(false);
    expect(check({ name: 'x', day: '2016-02-29' })).toBe(true);
    for (const day of ['2018-02-30', '6283-73-37', '2018-4-4']) expect(check({ name: 'x', day })).toBe(false);
  });
});
