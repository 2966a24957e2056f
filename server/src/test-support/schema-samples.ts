/**
 * Values drawn from JSON schemas for the API fuzz test: a valid value for a schema, and the
 * wrong ones an attacker or a broken client sends for it. Deterministic for a seed, so a
 * failure found once is found again.
 */

export type JsonSchema = Record<string, unknown>;

/** A small seeded generator (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof seededRandom>;

const ID_NAME = /^id$|Ids?$/;

/** Texts tried, in order, for a string with a pattern: the first the pattern and the lengths accept wins. */
const PATTERN_CANDIDATES = [
  '2018-04-04', '2018-04', '08:00', '13800138000', '0635-1234567', 'test.user1', 'auth.login', 'auth.*',
  '0123456789abcdef0123456789abcdef', '2018-04-04T09:00:00+08:00', '1371525101', 'abc', 'a', '1234', '123X', 'index.m3u8',
];

const typesOf = (s: JsonSchema): string[] => (s.type === undefined ? [] : [s.type].flat() as string[]);
// OpenAPI 3.0 has no null type: @fastify/swagger writes a schema's null branch as
// `{ type: 'object', nullable: true, enum: [null] }`.
const isNullBranch = (s: JsonSchema): boolean =>
  typesOf(s).includes('null') || (Array.isArray(s.enum) && s.enum.length > 0 && s.enum.every((v) => v === null));

/** A value the schema accepts; `name` is the field's name (ids and pages get small real-looking numbers). */
export function validSample(schema: JsonSchema, rnd: Random, name?: string): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((v) => v !== null);
    return values.length ? rnd.pick(values) : null;
  }
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union) {
    const nonNull = union.filter((b) => !isNullBranch(b));
    return validSample(rnd.pick(nonNull.length ? nonNull : union), rnd, name);
  }
  if (Array.isArray(schema.allOf)) return validSample(Object.assign({}, ...(schema.allOf as JsonSchema[])), rnd, name);
  const type = typesOf(schema).find((t) => t !== 'null') ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(props)) {
        if (required.has(key) || rnd.chance(0.5)) out[key] = validSample(child, rnd, key);
      }
      const minProps = (schema.minProperties as number | undefined) ?? 0;
      for (const [key, child] of Object.entries(props)) {
        if (Object.keys(out).length >= minProps) break;
        if (!(key in out)) out[key] = validSample(child, rnd, key);
      }
      return out;
    }
    case 'array': {
      const min = (schema.minItems as number | undefined) ?? 0;
      const max = Math.min((schema.maxItems as number | undefined) ?? 3, Math.max(min, 3));
      const items = (schema.items ?? {}) as JsonSchema;
      const out: unknown[] = [];
      for (let i = 0, n = rnd.int(min, max); i < n * 4 && out.length < n; i++) {
        const v = validSample(items, rnd, name);
        if (!schema.uniqueItems || !out.some((o) => JSON.stringify(o) === JSON.stringify(v))) out.push(v);
      }
      return out;
    }
    case 'integer': case 'number': return sampleNumber(schema, rnd, name);
    case 'boolean': return rnd.chance(0.5);
    default: return sampleString(schema, rnd);
  }
}

function sampleNumber(schema: JsonSchema, rnd: Random, name?: string) {
  const min = Math.max((schema.minimum as number | undefined) ?? -1000, ((schema.exclusiveMinimum as number | undefined) ?? -Infinity) + 1);
  const max = Math.min((schema.maximum as number | undefined) ?? 1000, ((schema.exclusiveMaximum as number | undefined) ?? Infinity) - 1);
  if (name && ID_NAME.test(name)) return rnd.int(Math.max(min, 1), Math.min(max, 40));
  if (name === 'page') return rnd.int(Math.max(min, 1), Math.min(max, 3));
  const low = Math.max(min, Math.min(0, max));
  return rnd.int(low, Math.min(max, low + 30));
}

function sampleString(schema: JsonSchema, rnd: Random): string {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = (schema.maxLength as number | undefined) ?? 40;
  if (schema.format === 'date') return `20${rnd.int(18, 29)}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
  if (schema.format === 'date-time') return new Date(Date.UTC(2018, rnd.int(0, 11), rnd.int(1, 28), rnd.int(0, 23))).toISOString();
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern as string, 'u');
    const fits = PATTERN_CANDIDATES.filter((c) => pattern.test(c) && c.length >= minLength && c.length <= maxLength);
    if (fits.length) return rnd.pick(fits);
    throw new Error(`no sample text for pattern ${String(schema.pattern)}: add one to PATTERN_CANDIDATES`);
  }
  const words = ['测试', '冠县', '阳光', 'Fuzz', '校园', '一号', 'x'];
  let text = '';
  while (text.length < Math.max(minLength, rnd.int(1, 8))) text += rnd.pick(words);
  return text.slice(0, maxLength);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One wrong value for a field and why it is wrong. */
export interface BadValue {
  kind: string;
  value: unknown;
}

/** Wrong values for a field of this schema: each must be refused with a 400 naming the field. */
export function badValues(schema: JsonSchema): BadValue[] {
  const out: BadValue[] = [];
  const types = new Set(typesOf(schema));
  for (const branch of (schema.anyOf ?? schema.oneOf ?? []) as JsonSchema[]) {
    if (isNullBranch(branch)) types.add('null');
    else for (const t of typesOf(branch)) types.add(t);
  }
  if (schema.nullable) types.add('null');
  const isEnum = Array.isArray(schema.enum) || 'const' in schema;
  if (!types.size && !isEnum) return out;
  if (isEnum) out.push({ kind: 'not one of the values', value: 12345 });
  else {
    const wrong: [string, unknown][] = [['string', 'x'], ['integer', 12345], ['boolean', true], ['object', {}], ['array', []]];
    const other = wrong.find(([t]) => !types.has(t) && !(t === 'integer' && types.has('number')));
    if (other) out.push({ kind: `wrong type (${other[0]})`, value: other[1] });
  }
  if (!types.has('null') && !isEnum) out.push({ kind: 'null', value: null });
  if (types.has('integer') || types.has('number')) {
    out.push({ kind: 'beyond 2^31-1', value: 3_000_000_000 }, { kind: 'huge', value: 1e20 });
    if (types.has('integer') && !types.has('number')) out.push({ kind: 'fraction', value: 1.5 });
  }
  if (types.has('string') && !isEnum) {
    out.push({ kind: 'NUL byte', value: 'a\u0000b' }, { kind: 'control character', value: 'a\u001bb' });
    const secret = schema['x-text'] === 'secret';
    if (((schema.minLength as number | undefined) ?? 0) > 0 && !schema.pattern && !schema.format && !secret) out.push({ kind: 'blank', value: '   ' });
    if (schema.format === 'date') out.push({ kind: 'impossible date', value: '2018-02-30' }, { kind: 'impossible date', value: '6283-73-37' });
  }
  return out;
}

/** Wrong values for a query or path parameter, as the text a URL carries. */
export function badParameterTexts(schema: JsonSchema): BadValue[] {
  const types = new Set(typesOf(schema));
  const out: BadValue[] = [];
  if (types.has('integer') || types.has('number')) {
    out.push({ kind: 'beyond 2^31-1', value: '3000000000' }, { kind: 'huge', value: '1e20' }, { kind: 'not a number', value: 'abc' });
  }
  if (types.has('string') && !Array.isArray(schema.enum)) {
    out.push({ kind: 'NUL byte', value: 'a\u0000b' });
    if (schema.format === 'date') out.push({ kind: 'impossible date', value: '2018-02-30' }, { kind: 'impossible date', value: '6283-73-37' });
  }
  if (types.has('boolean')) out.push({ kind: 'not a boolean', value: 'maybe' });
  return out;
}

/** A body with one wrong value (or one unknown field) at `field`, a JSON pointer. */
export interface WrongBody {
  field: string;
  kind: string;
  body: unknown;
}

/**
 * Every body made from `valid` by putting one wrong value at one field, down into nested objects
 * and the first item of arrays of objects (timetable lessons, calendar days), two levels deep.
 */
export function wrongBodies(schema: JsonSchema, valid: unknown, pointer = '', depth = 0): WrongBody[] {
  if (!schema.properties || !valid || typeof valid !== 'object' || Array.isArray(valid)) return [];
  const out: WrongBody[] = [];
  const at = (key: string, value: unknown) => ({ ...(valid as Record<string, unknown>), [key]: value });
  out.push({ field: `${pointer}/__evil`, kind: 'unknown field', body: at('__evil', true) });
  for (const [name, child] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
    for (const bad of badValues(child)) out.push({ field: `${pointer}/${name}`, kind: bad.kind, body: at(name, bad.value) });
    if (depth >= 1) continue;
    const current = (valid as Record<string, unknown>)[name];
    const items = child.items as JsonSchema | undefined;
    if (child.properties) {
      for (const w of wrongBodies(child, current, `${pointer}/${name}`, depth + 1)) out.push({ ...w, body: at(name, w.body) });
    } else if (items?.properties && Array.isArray(current) && current.length) {
      for (const w of wrongBodies(items, current[0], `${pointer}/${name}/0`, depth + 1)) {
        out.push({ ...w, body: at(name, [w.body, ...current.slice(1)]) });
      }
    }
  }
  return out;
}
