import { createHash, randomBytes } from 'node:crypto';
import type { Department, MeView, Role, RoleAssignmentView } from '../../../../shared/domain.js';
import { type Actor, type Grant, permissionsOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import * as q from './sessions.queries.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
// Refreshing last_seen on every request would turn every read into a write; a minute's slack
// in the idle timeout is invisible to people.
const TOUCH_EVERY_MS = 60_000;

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface RequestInfo {
  ip: string;
  userAgent: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Verifying against a real hash when the username is unknown keeps the answer's timing from
// telling which usernames exist.
let dummyHash: Promise<string> | undefined;

/** Login, sessions and the signed-in person. */
export function createAuthService(deps: { db: Db; clock: Clock; audit: AuditService; sessions: SessionPolicy }) {
  const { db: handle, clock, audit, sessions } = deps;
  const db = handle.db;

  async function login(username: string, password: string, req: RequestInfo): Promise<{ token: string; me: MeView }> {
    const now = clock.now();
    const user = await q.findUserForLogin(db, username);
    const fail = async (reason: string, actor: { userId: number; name: string } | null) => {
      await audit.record({ actor, action: 'auth.login', targetType: 'user', targetId: username, result: 'failure', ip: req.ip, detail: { reason } });
    };
    if (!user) {
      await verifyPassword(await (dummyHash ??= hashPassword(randomBytes(16).toString('hex'))), password);
      await fail('unknown_user', null);
      throw invalidCredentials();
    }
    const actor = { userId: user.id, name: user.name };
    if (user.locked_until && user.locked_until > now.toISOString()) {
      await fail('locked', actor);
      throw accountLocked(user.locked_until);
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      // A lock that has run out starts the count afresh.
      const previous = user.locked_until ? 0 : user.failed_logins;
      const failed = previous + 1;
      const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
      await q.recordLoginFailure(db, user.id, lockedUntil ? 0 : failed, lockedUntil);
      await fail('wrong_password', actor);
      if (lockedUntil) {
        await audit.record({ actor, action: 'auth.lock', targetType: 'user', targetId: user.id, result: 'success', ip: req.ip, detail: { lockedUntil, failures: failed } });
        throw accountLocked(lockedUntil);
      }
      throw invalidCredentials();
    }
    if (user.disabled) {
      await fail('disabled', actor);
      throw new AppError(403, 'ACCOUNT_DISABLED', '该账号已停用，请联系本单位管理员');
    }
    if (user.failed_logins || user.locked_until) await q.clearLoginFailures(db, user.id);

    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await q.insertSession(db, {
      token_hash: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + sessions.maxHours * 3_600_000).toISOString(),
      ip: req.ip,
      user_agent: req.userAgent.slice(0, 300),
    });
    await audit.record({ actor, action: 'auth.login', targetType: 'user', targetId: user.id, result: 'success', ip: req.ip });
    const actorView = await actorFromToken(token);
    if (!actorView) throw new Error('session vanished right after login');
    return { token, me: await meView(actorView) };
  }

  /** The actor behind a session token, or null when the session is unknown, expired or its account disabled. */
  async function actorFromToken(token: string): Promise<Actor | null> {
    const rows = await q.findSessionWithUser(db, hashToken(token));
    const row = rows[0];
    if (!row) return null;
    const now = clock.now();
    const idleLimit = new Date(new Date(row.last_seen_at).getTime() + sessions.idleMinutes * 60_000);
    if (row.disabled || now >= idleLimit || now.toISOString() >= row.expires_at) {
      await q.deleteSession(db, row.sessionId);
      return null;
    }
    if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await q.touchSession(db, row.sessionId, now.toISOString());
    }
    const grants: Grant[] = rows.filter((g) => g.assignmentId !== null).map((g) => ({
      assignmentId: g.assignmentId!,
      role: g.role as Role,
      department: g.department as Department | null,
      cityId: g.city_id,
      countyId: g.county_id,
      schoolId: g.school_id,
    }));
    return {
      userId: row.userId,
      username: row.username,
      name: row.name,
      kind: row.kind,
      sessionId: row.sessionId,
      csrfToken: row.csrf_token,
      grants,
      permissions: permissionsOf(grants),
    };
  }

  async function logout(actor: Actor, req: RequestInfo): Promise<void> {
    await q.deleteSession(db, actor.sessionId);
    await audit.record({ actor: { userId: actor.userId, name: actor.name }, action: 'auth.logout', targetType: 'user', targetId: actor.userId, result: 'success', ip: req.ip });
  }

  /** Ends every session of a person at once (disable, role removal, password reset). */
  async function endSessionsOf(userId: number): Promise<void> {
    await q.deleteSessionsOfUser(db, userId);
  }

  async function meView(actor: Actor): Promise<MeView> {
    const user = await db.selectFrom('users').select(['phone']).where('id', '=', actor.userId).executeTakeFirst();
    return {
      id: actor.userId,
      username: actor.username,
      name: actor.name,
      phone: user?.phone ?? null,
      assignments: await assignmentViews(actor.userId),
      permissions: [...actor.permissions],
      csrfToken: actor.csrfToken,
    };
  }

  async function assignmentViews(userId: number): Promise<RoleAssignmentView[]> {
    return (await assignmentViewsOf([userId])).get(userId) ?? [];
  }

  /** Role assignments of several people, with the names of the nodes they are scoped to. */
  async function assignmentViewsOf(userIds: number[]): Promise<Map<number, RoleAssignmentView[]>> {
    const out = new Map<number, RoleAssignmentView[]>();
    for (const r of await q.findAssignmentViews(db, userIds)) {
      const list = out.get(r.user_id) ?? [];
      list.push({
        id: r.id,
        role: r.role as Role,
        department: r.department as Department | null,
        cityId: r.city_id,
        countyId: r.county_id,
        schoolId: r.school_id,
        scopeName: r.school_name ?? r.county_name ?? r.city_name ?? null,
      });
      out.set(r.user_id, list);
    }
    return out;
  }

  return { login, logout, actorFromToken, endSessionsOf, meView, assignmentViewsOf };
}

export type AuthService = ReturnType<typeof createAuthService>;

function invalidCredentials() {
  return new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
}

function accountLocked(until: string) {
  const local = new Date(until).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return new AppError(423, 'ACCOUNT_LOCKED', `连续 ${MAX_FAILED_LOGINS} 次密码错误，账号已锁定至 ${local}（北京时间），请稍后再试或联系管理员解锁`, { lockedUntil: until });
}
