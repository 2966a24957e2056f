/**
 * Errors that reach a user carry a stable machine code and a Chinese message saying what went
 * wrong and how to fix it. The web app translates known codes; the message is the fallback.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = '资源') =>
  new AppError(404, 'NOT_FOUND', `${what}不存在，或您无权查看`);

export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', '请先登录');

export const forbidden = () => new AppError(403, 'FORBIDDEN', '您的角色没有执行此操作的权限');

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);

export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(409, code, message, details);
