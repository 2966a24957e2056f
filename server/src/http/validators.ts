import { Ajv, type AnySchemaObject, type FuncKeywordDefinition, type Options, type SchemaValidateFunction } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { hardenRequestSchema, TEXT_KEYWORD, type RequestPart } from './request-schemas.js';

// A CommonJS package whose function is also its `default`; ESM sees either, depending on the loader.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as unknown as FormatsPlugin;

const CONTROL_IN_LINE = /[\u0000-\u001F\u007F]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Why an `x-text` check failed; the error handler turns each into its own code. */
export type TextProblem = 'control' | 'blank';

const checkText: SchemaValidateFunction = (kind: string, data: string, parentSchema?: AnySchemaObject) => {
  const control = kind === 'text' ? CONTROL_IN_TEXT : CONTROL_IN_LINE;
  const minLength = typeof parentSchema?.minLength === 'number' ? parentSchema.minLength : 0;
  let problem: TextProblem | null = null;
  if (control.test(data)) problem = 'control';
  else if (kind !== 'secret' && minLength > 0 && data.trim().length < minLength) problem = 'blank';
  if (!problem) return true;
  checkText.errors = [{
    keyword: TEXT_KEYWORD,
    params: { problem },
    message: problem === 'control' ? 'must not contain control characters' : 'must not be blank',
  }];
  return false;
};

const textKeyword: FuncKeywordDefinition = {
  keyword: TEXT_KEYWORD,
  type: 'string',
  schemaType: 'string',
  errors: true,
  validate: checkText,
};

function makeAjv(options: Options) {
  // verbose: errors carry the refused value, so a message can quote an impossible date back.
  const ajv = new Ajv({ useDefaults: true, removeAdditional: false, allErrors: false, addUsedSchema: false, verbose: true, ...options });
  // `date` in full mode: 2018-02-30 and 6283-73-37 are no dates.
  addFormats(ajv, { mode: 'full' });
  ajv.addKeyword(textKeyword);
  return ajv;
}

/**
 * JSON bodies are validated as sent: a number is no text, `true` is no id, `null` is no object.
 * Query strings and path parameters arrive as text and are still converted to the declared type.
 */
export function installValidators(app: FastifyInstance) {
  const strict = requestAjv('body');
  const coercing = requestAjv('querystring');
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));

  app.addHook('onRoute', (route) => {
    if (!route.schema) return;
    const schema = route.schema as Record<string, unknown>;
    const hardened: Record<string, unknown> = { ...schema };
    for (const part of ['body', 'querystring', 'params'] as RequestPart[]) {
      if (schema[part]) hardened[part] = hardenRequestSchema(schema[part], part);
    }
    route.schema = hardened;
  });
}

/** The Ajv that checks one part of a request: bodies as sent, the rest converted from text. */
export function requestAjv(part: RequestPart) {
  return makeAjv({ coerceTypes: part === 'body' ? false : 'array' });
}

/** The validator for answers in tests: the same formats and keyword, without changing the data. */
export function responseAjv() {
  return makeAjv({ coerceTypes: false, useDefaults: false, strict: false, allErrors: true });
}
