import type { Kysely, Updateable } from 'kysely';
import type { RoleAssignmentView } from '../../../../shared/domain.js';
import { type Actor, scopeOf } from '../../access/actor.js';
import { personInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Database, UserTable } from '../../db/schema.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthService } from '../auth/auth.service.js';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { type AssignmentInput, type AssignmentService, type HeldAssignment, canManage } from './assignments.service.js';
import * as q from './people.queries.js';

export type PeopleFilter = q.PeopleFilter;

const EXPORT_BATCH = 500;

export interface PersonView {
  id: number;
  username: string;
  name: string;
  phone: string | null;
  kind: 'staff' | 'guardian';
  disabled: boolean;
  lockedUntil: string | null;
  assignments: RoleAssignmentView[];
}

export interface NewPerson {
  username: string;
  name: string;
  phone?: string;
  password: string;
  assignments?: AssignmentInput[];
}

function policyError(password: string, username: string) {
  const problem = checkPasswordPolicy(password, username);
  return problem ? badRequest(problem.code, problem.message) : null;
}

/** Staff accounts: reading, creating, editing, disabling and resetting passwords, within the actor's scope. */
export function createPeopleService(deps: { db: Db; clock: Clock; audit: AuditService; auth: AuthService; assignments: AssignmentService }) {
  const db = deps.db.db;
  const { audit, auth, assignments } = deps;
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });

  function scopeFor(actor: Actor, action: 'person:read' | 'person:write' | 'person:export') {
    const scope = scopeOf(actor, action);
    if (!scope) throw forbidden();
    return personInScope(scope, 'users.id', deps.db.dialect);
  }

  async function views(rows: q.PersonRow[]): Promise<PersonView[]> {
    const byUser = await auth.assignmentViewsOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id, username: r.username, name: r.name, phone: r.phone, kind: r.kind, disabled: r.disabled === 1,
      lockedUntil: r.locked_until, assignments: byUser.get(r.id) ?? [],
    }));
  }

  async function listPeople(actor: Actor, filter: PeopleFilter, page: number, pageSize: number) {
    const where = scopeFor(actor, 'person:read');
    const [rows, total] = await Promise.all([
      q.listPeople(db, where, filter, pageSize, (page - 1) * pageSize),
      q.countPeople(db, where, filter),
    ]);
    return { items: await views(rows), total, page, pageSize };
  }

  /** One person in the actor's read scope; every such read is audited, for a person's record is personal data. */
  async function getPerson(actor: Actor, id: number, ip: string): Promise<PersonView> {
    const row = await q.findPerson(db, scopeFor(actor, 'person:read'), id);
    if (!row) throw notFound('人员');
    await audit.record({ actor: who(actor), action: 'person.read', targetType: 'user', targetId: id, result: 'success', ip });
    return (await views([row]))[0]!;
  }

  async function createPerson(actor: Actor, input: NewPerson, ip: string): Promise<PersonView> {
    const writeScope = scopeOf(actor, 'person:write');
    if (!writeScope) throw forbidden();
    const requested = input.assignments ?? [];
    if (!requested.length && !writeScope.all) {
      throw badRequest('ASSIGNMENT_REQUIRED', '请至少为新人员指定一个本单位管理范围内的角色，否则创建后您将无法看到该人员');
    }
    const problem = policyError(input.password, input.username);
    if (problem) throw problem;
    if (await q.usernameTaken(db, input.username)) throw usernameTaken(input.username);
    const vetted: HeldAssignment[] = [];
    for (const a of requested) vetted.push(await assignments.vet(actor, vetted, a));

    const now = deps.clock.now().toISOString();
    const passwordHash = await hashPassword(input.password);
    let id: number;
    try {
      id = await db.transaction().execute(async (trx: Kysely<Database>) => {
        const userId = await q.insertUser(trx, {
          username: input.username, name: input.name, phone: input.phone ?? null, password_hash: passwordHash, kind: 'staff',
          disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now,
        });
        for (const a of vetted) {
          await q.insertAssignment(trx, {
            user_id: userId, role: a.role, department: a.department, city_id: a.cityId, county_id: a.countyId, school_id: a.schoolId, created_at: now,
          });
        }
        return userId;
      });
    } catch (err) {
      // Two admins creating the same username at once: the unique index decides.
      if (await q.usernameTaken(db, input.username)) throw usernameTaken(input.username);
      throw err;
    }
    await audit.record({
      actor: who(actor), action: 'person.create', targetType: 'user', targetId: id, result: 'success', ip,
      detail: { username: input.username, assignments: vetted },
    });
    return readBack(actor, id);
  }

  // The view after a change, as the actor may see it.
  async function readBack(actor: Actor, id: number): Promise<PersonView> {
    const row = await q.findPerson(db, scopeFor(actor, 'person:read'), id);
    if (!row) throw notFound('人员');
    return (await views([row]))[0]!;
  }

  /**
   * The person, if the actor may change their account: in write scope, and every role they hold
   * one the actor could have granted (else a county admin could take over a city admin who also
   * teaches in the county by resetting the shared account's password).
   */
  async function manageablePerson(actor: Actor, id: number) {
    const person = await assignments.writablePerson(actor, id);
    const held = await assignments.heldOf(id);
    if (!held.every((h) => canManage(actor.grants, h))) {
      throw new AppError(403, 'PERSON_BEYOND_SCOPE', '该人员还担任您管理范围以外的角色，此项修改须由上级管理员办理');
    }
    return person;
  }

  async function updatePerson(actor: Actor, id: number, patch: { name?: string; phone?: string | null; disabled?: boolean }, ip: string) {
    if (patch.disabled !== undefined && id === actor.userId) {
      throw new AppError(403, 'SELF_DISABLE', '不能停用或启用自己的账号，请联系上级管理员办理');
    }
    await manageablePerson(actor, id);
    const set: Updateable<UserTable> = { updated_at: deps.clock.now().toISOString() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
    await q.updateUser(db, id, set);
    if (patch.disabled) await auth.endSessionsOf(id);
    await audit.record({
      actor: who(actor), action: 'person.update', targetType: 'user', targetId: id, result: 'success', ip,
      detail: { changed: Object.keys(patch), ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}) },
    });
    return readBack(actor, id);
  }

  /** Sets a new password, ends every session and clears a lock: this is also how an admin unlocks an account. */
  async function setPassword(actor: Actor, id: number, password: string, ip: string): Promise<void> {
    const person = await manageablePerson(actor, id);
    const problem = policyError(password, person.username);
    if (problem) throw problem;
    await q.updateUser(db, id, {
      password_hash: await hashPassword(password), failed_logins: 0, locked_until: null, updated_at: deps.clock.now().toISOString(),
    });
    await auth.endSessionsOf(id);
    await audit.record({ actor: who(actor), action: 'person.password_reset', targetType: 'user', targetId: id, result: 'success', ip });
  }

  /**
   * People for an export, a keyset page at a time with their assignments: memory stays flat, and
   * no query runs inside an open cursor (SQLite's single connection would wait on itself).
   */
  async function* exportPeople(actor: Actor, filter: PeopleFilter): AsyncGenerator<PersonView> {
    const where = scopeFor(actor, 'person:export');
    for (let after = 0; ;) {
      const rows = await q.listPeopleAfter(db, where, filter, after, EXPORT_BATCH);
      yield* await views(rows);
      if (rows.length < EXPORT_BATCH) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  return { listPeople, getPerson, createPerson, updatePerson, setPassword, exportPeople };
}

export type PeopleService = ReturnType<typeof createPeopleService>;

const usernameTaken = (username: string) => conflict('USERNAME_TAKEN', `用户名 ${username} 已被使用，请换一个`);
