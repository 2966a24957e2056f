/**
 * The error answers every API route can give, declared once for the OpenAPI document. They are
 * added to the document only (through @fastify/swagger's `transform`), not to the routes' own
 * response schemas, so how answers are serialised stays as it was.
 */

/** What every error answer looks like (see error-handler.ts). */
export const ErrorBody = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'stable machine code, e.g. FIELD_NOT_ALLOWED' },
    message: { type: 'string', minLength: 1, description: 'what went wrong and how to fix it, in Chinese' },
    details: { description: 'values the message names; for a refused request `{ field, in, rule }`, field as a JSON pointer such as /name' },
  },
  additionalProperties: false,
} as const;

const ERROR_ANSWERS: Record<string, string> = {
  400: 'The request does not fit this route’s schema, or breaks a rule; details.field names the field',
  401: 'No valid session: sign in first',
  403: 'The session lacks the permission this route needs, or the CSRF token or origin is wrong',
  404: 'No such item within the caller’s scope (also for an id no row can have)',
  409: 'The change conflicts with the current state (a name taken, a step already done)',
};

interface TransformInput {
  schema: Record<string, unknown> | undefined;
  url: string;
}

/** @fastify/swagger `transform`: adds the error answers to each /api route the route did not declare itself. */
export function withErrorAnswers({ schema, url }: TransformInput) {
  if (!url.startsWith('/api/')) return { schema, url };
  const own = (schema?.response ?? {}) as Record<string, unknown>;
  const response: Record<string, unknown> = { ...own };
  // Without any success answer, swagger would list only errors; keep its usual default entry.
  if (!Object.keys(own).some((status) => status.startsWith('2'))) response['200'] = { description: 'Default Response' };
  for (const [status, description] of Object.entries(ERROR_ANSWERS)) response[status] ??= { ...ErrorBody, description };
  return { schema: { ...schema, response }, url };
}
