import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import { SESSION_COOKIE } from '../../http/access-hooks.js';
import { MeSchema } from './auth.schema.js';
import type { AuthService } from './auth.service.js';

/** Login, logout and the signed-in person. */
export function registerAuthRoutes(app: AppInstance, deps: { auth: AuthService; sessionMaxHours: number }) {
  const { auth } = deps;

  app.post('/api/auth/login', {
    config: {
      access: 'public',
      // A soft per-address limit: it slows a guessing script but, well above what a school's
      // staff behind one NAT address need, never locks them out; accounts lock on their own count.
      rateLimit: { max: 300, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['auth'],
      summary: '登录 / Log in',
      body: Type.Object({
        username: Type.String({ minLength: 1, maxLength: 64 }),
        password: Type.String({ minLength: 1, maxLength: 128 }),
      }),
      response: { 200: MeSchema },
    },
  }, async (req, reply) => {
    const { token, me } = await auth.login(req.body.username.trim(), req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: deps.sessionMaxHours * 3600,
    });
    return me;
  });

  app.post('/api/auth/logout', {
    config: { access: 'session' },
    schema: { tags: ['auth'], summary: '退出登录 / Log out', response: { 204: Type.Null({ description: 'signed out' }) } },
  }, async (req, reply) => {
    await auth.logout(req.actor!, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/me', {
    config: { access: 'session' },
    schema: { tags: ['auth'], summary: '当前用户 / The signed-in person', response: { 200: MeSchema } },
  }, async (req) => auth.meView(req.actor!));
}
