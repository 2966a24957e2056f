import type { FastifyError, FastifyInstance } from 'fastify';
import type { AuditPort } from './ports.js';
import { AppError, notFound } from './errors.js';
import { validationAnswer } from './validation-answer.js';

/** Turns every failure into `{ code, message }` with a Chinese message; never leaks internals. */
export function installErrorHandler(app: FastifyInstance, deps: { audit: AuditPort }) {
  app.setErrorHandler(async (err: FastifyError | AppError, req, reply) => {
    if (!(err instanceof AppError) && err.validation) {
      const answer = validationAnswer(err.validation, err.validationContext);
      // A path id no row can have (above 2³¹−1, or 0) is a missing row, like any other unknown id.
      err = answer === 'not-found' ? notFound() : answer;
    }
    if (err instanceof AppError) {
      // An out-of-scope id answers 404 like a missing one; the attempt is still on record.
      if (err.status === 404 && req.actor && req.params && Object.keys(req.params as object).length) {
        await deps.audit.record({
          actor: { userId: req.actor.userId, name: req.actor.name },
          action: 'access.not_found',
          targetType: 'route',
          targetId: `${req.method} ${req.url}`.slice(0, 300),
          result: 'denied',
          ip: req.ip,
        });
      }
      return reply.status(err.status).send({ code: err.code, message: err.message, details: err.details });
    }
    if (err.statusCode === 429) {
      return reply.status(429).send({ code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' });
    }
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send({ code: 'BODY_REQUIRED', message: '请求内容为空：此操作需要一个 JSON 对象', details: { field: '' } });
    }
    if (err.statusCode && err.statusCode < 500) {
      // One code of ours for every malformed request the framework refuses (its own codes name
      // internals and have no translation); which one it was stays in the details.
      return reply.status(err.statusCode).send({ code: 'BAD_REQUEST', message: `请求无法处理：${err.message}`, details: { cause: err.code ?? null } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，已记录，请稍后重试' });
  });

}
