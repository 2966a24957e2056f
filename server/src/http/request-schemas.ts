/**
 * The limits every request schema gets by default, applied once as routes register, so that no
 * route can take an id PostgreSQL cannot hold, a page number that overflows an OFFSET, a NUL
 * byte, or a JSON field it does not know — whatever its own schema forgot to say. A route's own
 * bounds win; these fill what it left open. The result is what validation and the OpenAPI
 * document both see.
 */

/** The largest value of an `integer` column on PostgreSQL (and of every id we hand out). */
export const INT32_MAX = 2_147_483_647;
const INT32_MIN = -2_147_483_648;
/** Past this page every list is empty anyway; it keeps `(page - 1) * pageSize` a small integer. */
export const PAGE_MAX = 100_000;
/** Non-integer numbers stay within what a float64 holds exactly as an integer. */
const NUMBER_LIMIT = Number.MAX_SAFE_INTEGER;
/** Text longer than this may span lines (notes, reasons, bodies); shorter text is one line. */
const SINGLE_LINE_MAX = 200;

/** Names of fields that hold ids of rows: `id`, `schoolId`, `schoolIds`. */
const ID_NAME = /^id$|Ids?$/;
/** Names of fields that count bytes (`diskFreeBytes`): disks pass 2³¹ bytes, so they go up to 2⁵³−1 (bigint columns). */
const BYTES_NAME = /Bytes$/;

export type RequestPart = 'body' | 'querystring' | 'params' | 'headers';
type Schema = Record<string, unknown>;

/**
 * The `x-text` keyword the validators know (see validators.ts): `line` refuses every control
 * character, `text` allows tab and line breaks. Both refuse text that is shorter than its
 * `minLength` once spaces around it are trimmed, so a name of only spaces is no name.
 * `secret` (passwords) refuses control characters only: spaces in a password are its own.
 */
export const TEXT_KEYWORD = 'x-text';

/** A copy of `schema` with the default limits filled in for one part of a request. */
export function hardenRequestSchema(schema: unknown, part: RequestPart): unknown {
  // A plain JSON copy: schemas are shared between routes and with response schemas, which must not change.
  const copy = JSON.parse(JSON.stringify(schema)) as unknown;
  walk(copy, undefined, part);
  return copy;
}

function walk(node: unknown, name: string | undefined, part: RequestPart): void {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  const s = node as Schema;
  mergeIntersection(s);
  const types = [s.type].flat();
  if (types.includes('object') || s.properties) {
    // Unknown JSON fields are refused; query strings keep tolerating extra parameters (cache busters, links).
    if (part === 'body' && s.additionalProperties === undefined && !s.patternProperties) s.additionalProperties = false;
    for (const [key, child] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) walk(child, key, part);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties, undefined, part);
  }
  if (s.items) walk(s.items, name, part);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const child of (s[key] as unknown[] | undefined) ?? []) walk(child, name, part);
  }
  if (types.includes('integer')) boundInteger(s, name);
  else if (types.includes('number')) {
    s.minimum ??= -NUMBER_LIMIT;
    s.maximum ??= NUMBER_LIMIT;
  }
  if (types.includes('string') && s.enum === undefined && s.const === undefined) {
    s[TEXT_KEYWORD] ??= name && /password/i.test(name) ? 'secret'
      : typeof s.maxLength === 'number' && s.maxLength <= SINGLE_LINE_MAX ? 'line' : 'text';
  }
}

function boundInteger(s: Schema, name: string | undefined) {
  if (name && ID_NAME.test(name)) {
    s.minimum ??= 1;
    s.maximum ??= INT32_MAX;
  } else if (name && BYTES_NAME.test(name)) {
    s.minimum ??= 0;
    s.maximum ??= NUMBER_LIMIT;
  } else if (name === 'page') {
    s.minimum ??= 1;
    s.maximum ??= PAGE_MAX;
  } else {
    s.minimum ??= INT32_MIN;
    s.maximum ??= INT32_MAX;
  }
}

/**
 * `Type.Intersect` of objects gives `allOf`, where each part refusing the others' fields would
 * refuse everything: merge the parts into one object so unknown fields are judged against all.
 */
function mergeIntersection(s: Schema) {
  const parts = s.allOf as Schema[] | undefined;
  if (!parts?.length || !parts.every((p) => p.type === 'object' && p.properties && !p.anyOf && !p.oneOf && !p.allOf)) return;
  s.type = 'object';
  s.properties = Object.assign({}, ...parts.map((p) => p.properties));
  const required = [...new Set(parts.flatMap((p) => (p.required as string[] | undefined) ?? []))];
  if (required.length) s.required = required;
  delete s.allOf;
}
