import type { FastifyError, FastifyInstance } from 'fastify';
import type { AuditPort } from './ports.js';
import { AppError } from './errors.js';

const FIELD_NAMES: Record<string, string> = {
  username: '用户名', password: '密码', name: '姓名', phone: '手机号', page: '页码', pageSize: '每页条数',
};

/** Turns every failure into `{ code, message }` with a Chinese message; never leaks internals. */
export function installErrorHandler(app: FastifyInstance, deps: { audit: AuditPort }) {
  app.setErrorHandler(async (err: FastifyError | AppError, req, reply) => {
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
    if (err.validation) {
      const first = err.validation[0];
      const field = String(first?.instancePath || first?.params?.missingProperty || '').replace(/^\//, '');
      const label = FIELD_NAMES[field] ?? field;
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: `请求参数不正确${label ? `：${label}` : ''}（${first?.message ?? '格式错误'}）`,
        details: err.validation,
      });
    }
    if (err.statusCode === 429) {
      return reply.status(429).send({ code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' });
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
