import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { badParameterTexts, seededRandom, validSample, wrongBodies, type JsonSchema, type Random } from '../test-support/schema-samples.js';
import { ErrorBody } from './error-answers.js';
import { responseAjv } from './validators.js';

/**
 * Every operation of the OpenAPI document, called with valid and with wrong input, signed in and
 * anonymous, on the database the suite runs on (SQLite, or PostgreSQL with DATABASE_URL). Holds:
 * no answer is a 5xx; a wrong body, query or path value is refused with a 400 naming the field
 * (a path id no row can have: 404); a caller without a session gets 401 before any 400; every
 * answer fits the schema the document declares for its status.
 */

const SEED = 20261206;
const VALID_CASES = 3;

/**
 * Operations not fuzzed, and why. Each is covered by its own tests.
 * - tus uploads and media segments speak their own protocols (binary bodies, signed tokens), not JSON;
 * - logout ends the session the run signs in with (it is still called anonymously).
 */
const SKIPPED = [/^\/api\/uploads/, /^\/api\/media\//];
const SIGNED_IN_SKIPPED = new Set(['POST /api/auth/logout']);
/** Tried in this order until one may call the operation: city.admin first, as the brief of the test says. */
const ACTORS = ['city.admin', 'guanxian.research', 'guanxian.admin', 'sysadmin', 'secadmin', 'auditor', 'gxsy.principal', 'gxsy.teacher'];
const REFUSAL_CODES = new Set(['VALIDATION_FAILED', 'FIELD_NOT_ALLOWED', 'BODY_REQUIRED', 'TEXT_CONTROL_CHARS', 'TEXT_BLANK', 'DATE_INVALID']);

interface Parameter { name: string; in: 'path' | 'query'; required?: boolean; schema: JsonSchema }
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema; undefined when the operation takes none, null when it takes another kind (multipart). */
  body: JsonSchema | null | undefined;
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  access: string;
  /** Public at the session gate, but a recorder's bearer token is asked for first. */
  deviceToken: boolean;
}
interface Call { query?: Record<string, string>; path?: Record<string, string>; body?: unknown; rawBody?: string; headers?: Record<string, string> }
type Headers = Record<string, string>;

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

function operations(t: TestApp): Operation[] {
  const spec = t.app.swagger() as unknown as { paths: Record<string, Record<string, {
    parameters?: Parameter[]; security?: Record<string, unknown>[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; responses: Operation['responses'];
  }>> };
  const access = new Map(t.routes.map((r) => [`${r.method} ${r.url}`, r.access]));
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (!path.startsWith('/api/') || SKIPPED.some((p) => p.test(path))) continue;
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase();
      const url = path.replace(/\{([^}]+)\}/g, ':$1');
      const content = op.requestBody?.content;
      ops.push({
        method, path, parameters: op.parameters ?? [], responses: op.responses,
        body: content ? (content['application/json']?.schema ?? null) : undefined,
        access: access.get(`${method} ${url}`) ?? 'unknown',
        deviceToken: op.security?.some((s) => 'deviceToken' in s) ?? false,
      });
    }
  }
  // State changes after reads, deletions last: a deleted row cannot hide a later operation's bug.
  return ops.sort((a, b) => ORDER.indexOf(a.method) - ORDER.indexOf(b.method));
}

describe('the API under fuzzed input', () => {
  let t: TestApp;
  const headersOf = new Map<string, Headers>();
  let adminId = 0;
  const ajv = responseAjv();
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  const problems: string[] = [];
  let requests = 0;
  /** Operations some valid call got a 2xx from, and those no actor was allowed to call: the run's reach, printed. */
  const succeeded = new Set<string>();
  const unreachable: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    for (const username of ACTORS) {
      const client = await t.login(username);
      headersOf.set(username, client.headers);
      if (username === 'city.admin') adminId = client.me.id;
    }
  });
  afterAll(async () => t.close());

  function url(op: Operation, call: Call) {
    let path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(call.path?.[name] ?? '1'));
    const query = new URLSearchParams(call.query ?? {}).toString();
    if (query) path += `?${query}`;
    return path;
  }

  async function send(op: Operation, call: Call, headers: Headers | null): Promise<LightMyRequestResponse> {
    requests++;
    const all: Headers = { ...(headers ?? {}), ...(call.headers ?? {}) };
    const payload = call.rawBody !== undefined ? call.rawBody : call.body === undefined ? undefined : JSON.stringify(call.body);
    if (payload !== undefined) all['content-type'] = 'application/json';
    const res = await t.app.inject({ method: op.method as 'GET', url: url(op, call), headers: all, ...(payload !== undefined ? { payload } : {}) });
    checkAnswer(op, call, res);
    return res;
  }

  /** No 5xx, and the answer fits what the document declares for its status (errors: the error body). */
  function checkAnswer(op: Operation, call: Call, res: LightMyRequestResponse) {
    const where = `${op.method} ${url(op, call)}${call.body !== undefined ? ` ${JSON.stringify(call.body).slice(0, 120)}` : call.rawBody !== undefined ? ` raw ${JSON.stringify(call.rawBody)}` : ''}`;
    if (res.statusCode >= 500) {
      problems.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return;
    }
    if (op.method === 'HEAD' || !String(res.headers['content-type'] ?? '').includes('application/json') || !res.body) return;
    const declared = op.responses[String(res.statusCode)]?.content?.['application/json']?.schema;
    const schema = declared ?? (res.statusCode >= 400 ? (ErrorBody as unknown as JsonSchema) : undefined);
    if (!schema) return;
    const key = `${op.method} ${op.path} ${declared ? res.statusCode : 'error'}`;
    let validate = validators.get(key);
    if (!validate) validators.set(key, (validate = ajv.compile(schema)));
    if (!validate(res.json())) {
      problems.push(`${where}: ${res.statusCode} answer breaks its schema: ${ajv.errorsText(validate.errors)} in ${res.body.slice(0, 200)}`);
    }
  }

  function validCall(op: Operation, rnd: Random): Call {
    const call: Call = { query: {}, path: {} };
    for (const p of op.parameters) {
      if (p.in !== 'path' && p.in !== 'query') continue;
      if (p.in === 'query' && !p.required && rnd.chance(0.5)) continue;
      let value = validSample(p.schema, rnd, p.name);
      // The run's own account keeps its password, roles and session.
      if (p.in === 'path' && op.path.startsWith('/api/people/') && value === adminId) value = adminId + 1;
      (p.in === 'path' ? call.path! : call.query!)[p.name] = String(value);
    }
    if (op.body) call.body = validSample(op.body, rnd);
    return call;
  }

  /** A refusal must be a 400 naming `field` (a bad path id: 404); 401/403/429 mean the access check or rate limit came first. */
  function expectRefused(op: Operation, call: Call, res: LightMyRequestResponse, field: string, what: string, inPath = false) {
    if ([401, 403, 429].includes(res.statusCode) || res.statusCode >= 500) return;
    const answer = res.json() as { code?: string; details?: { field?: string } };
    if (inPath && res.statusCode === 404) return;
    if (res.statusCode !== 400 || answer.details?.field !== field) {
      problems.push(`${op.method} ${url(op, call)}: ${what} at ${field} gave ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
  }

  async function chooseActor(op: Operation, rnd: Random): Promise<Headers | null> {
    for (const username of ACTORS) {
      const res = await send(op, validCall(op, rnd), headersOf.get(username)!);
      if (res.statusCode !== 403) return headersOf.get(username)!;
    }
    return null;
  }

  async function fuzzSignedIn(op: Operation, rnd: Random) {
    const headers = await chooseActor(op, rnd);
    if (!headers) {
      unreachable.push(`${op.method} ${op.path}`);
      return;
    }
    for (let i = 0; i < VALID_CASES; i++) {
      const call = validCall(op, rnd);
      const res = await send(op, call, headers);
      if (res.statusCode < 300) succeeded.add(`${op.method} ${op.path}`);
      const answer = res.statusCode === 400 ? (res.json() as { code: string; details?: { in?: string; field?: string } }) : null;
      if (answer && REFUSAL_CODES.has(answer.code) && answer.details?.in) {
        problems.push(`${op.method} ${url(op, call)} ${JSON.stringify(call.body)}: valid input refused: ${res.body.slice(0, 200)}`);
      }
    }
    for (const p of op.parameters) {
      if (p.in !== 'path' && p.in !== 'query') continue;
      for (const bad of badParameterTexts(p.schema)) {
        const call = validCall(op, rnd);
        (p.in === 'path' ? call.path! : call.query!)[p.name] = String(bad.value);
        expectRefused(op, call, await send(op, call, headers), `/${p.name}`, bad.kind, p.in === 'path');
      }
    }
    if (op.body === null) return;
    if (op.body) await fuzzBody(op, rnd, headers);
  }

  async function fuzzBody(op: Operation, rnd: Random, headers: Headers) {
    const schema = op.body!;
    const base = validCall(op, rnd);
    for (const [rawBody, what] of [['null', 'null body'], ['', 'empty body'], ['[]', 'array body'], ['"x"', 'text body']] as const) {
      const call = { ...base, body: undefined, rawBody };
      expectRefused(op, call, await send(op, call, headers), '', what);
    }
    for (const wrong of wrongBodies(schema, base.body)) {
      const call = { ...base, body: wrong.body };
      expectRefused(op, call, await send(op, call, headers), wrong.field, wrong.kind);
    }
  }

  async function fuzzAnonymous(op: Operation, rnd: Random) {
    const call = validCall(op, rnd);
    const res = await send(op, call, null);
    if (op.access === 'public' && !op.deviceToken) return;
    // A rate limit may answer first (the device API counts anonymous calls per address): it tells nothing either.
    const shut = (status: number) => status === 401 || status === 429;
    if (!shut(res.statusCode)) problems.push(`${op.method} ${url(op, call)}: anonymous call gave ${res.statusCode}, not 401`);
    if (op.body) {
      const broken = { ...call, body: { __evil: '\u0000', id: 3_000_000_000 } };
      const refused = await send(op, broken, null);
      if (!shut(refused.statusCode)) problems.push(`${op.method} ${op.path}: anonymous call with a broken body gave ${refused.statusCode}, not 401`);
    }
  }

  it('answers every operation without a 5xx, refuses every wrong input by name, and keeps to its declared schemas', async () => {
    const ops = operations(t);
    expect(ops.length).toBeGreaterThan(90);
    const rnd = seededRandom(SEED);
    for (const op of ops) if (!SIGNED_IN_SKIPPED.has(`${op.method} ${op.path}`)) await fuzzSignedIn(op, rnd);
    for (const op of ops) await fuzzAnonymous(op, rnd);
    console.info(`api fuzz: ${ops.length} operations, ${requests} requests, ${succeeded.size} operations answered 2xx to a valid call, `
      + `not callable by any actor: ${unreachable.join(', ') || 'none'}; ${problems.length} problems`);
    expect(problems.slice(0, 60)).toEqual([]);
  }, 240_000);
});
