import { sql, type SqlBool } from 'kysely';
import { type Actor, scopeOf } from '../../access/actor.js';
import { schoolInScope, studentInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { AppEventEmitter } from '../../events/app-events.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import {
  CONSENT_LEVELS, type ConsentLevel, DEFAULT_CONSENT, consentCap,
} from '../../../../shared/resources.js';
import type { Static } from 'typebox';
import type {
  ChildConsentSchema, ClassConsentsSchema, ConsentHistorySchema, ConsentSavedSchema, MyConsentsSchema,
} from './consent.schema.js';
import * as q from './consent.queries.js';

// The answers' shapes, from the route schemas (the web reads them through shared/consent-api-types.ts).
type ChildConsent = Static<typeof ChildConsentSchema>;
type MyConsents = Static<typeof MyConsentsSchema>;
type ClassConsents = Static<typeof ClassConsentsSchema>;
type ConsentHistory = Static<typeof ConsentHistorySchema>;
type ConsentSaved = Static<typeof ConsentSavedSchema>;

const rank = (level: ConsentLevel) => CONSENT_LEVELS.indexOf(level);

const toView = (r: q.ChildConsentRow): ChildConsent => ({
  studentId: r.id, name: r.name, studentNo: r.student_no, schoolId: r.school_id, classId: r.class_id, className: r.class_name,
  level: r.level ?? DEFAULT_CONSENT, updatedAt: r.updated_at ?? null,
});

/**
 * Guardians' consent for their child appearing in published video (肖像使用同意). A guardian sets
 * their own children's level; the school's principal records a consent given on paper; the
 * school's teachers read. Every change is kept in the history and the audit log, and after it
 * commits `consent.changed` tells resources, which narrows the class's published lessons at once.
 * Reads of a class's or a child's consent are audited like other reads of children's data.
 */
export function createConsentService(deps: { db: Db; clock: Clock; audit: AuditService; events: AppEventEmitter }) {
  const db = deps.db.db;
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });

  function childScope(actor: Actor, action: 'consent:read' | 'consent:write') {
    const scope = scopeOf(actor, action);
    if (!scope) throw forbidden();
    return studentInScope(scope);
  }

  /** A parent's own children with their levels (staff without children get none). */
  async function mine(actor: Actor, ip: string): Promise<MyConsents> {
    const guardian = scopeOf(actor, 'consent:read')?.guardianUserId ?? null;
    const rows = guardian === null ? [] : await q.childrenOfGuardian(db, guardian);
    await deps.audit.record({ actor: who(actor), action: 'consent.list', targetType: 'student', result: 'success', ip, detail: { rows: rows.length } });
    return { items: rows.map(toView) };
  }

  /** A class's pupils, their levels and the class's least: for the school's principal and teachers. */
  async function ofClass(actor: Actor, classId: number, ip: string): Promise<ClassConsents> {
    // The school's staff only: a guardian's grant reaches their own children, never a class.
    const scope = scopeOf({ userId: actor.userId, grants: actor.grants.filter((g) => g.role !== 'parent') }, 'consent:read');
    if (!scope) throw forbidden();
    const klass = await q.findClassInScope(db, classId, sql<SqlBool>`classes.school_id in (select id from schools where ${schoolInScope(scope)})`);
    if (!klass) throw notFound('班级');
    const items = (await q.pupilsOfClass(db, classId)).map(toView);
    const counts = { internal: 0, county: 0, city: 0, public: 0 } satisfies Record<ConsentLevel, number>;
    for (const c of items) counts[c.level]++;
    const least = items.length ? CONSENT_LEVELS[Math.min(...items.map((c) => rank(c.level)))]! : null;
    await deps.audit.record({
      actor: who(actor), action: 'consent.class_read', targetType: 'class', targetId: classId, result: 'success', ip, detail: { rows: items.length },
    });
    return { classId, className: klass.name, schoolId: klass.school_id, least, cap: consentCap(items.map((c) => c.level)), counts, items };
  }

  /** A child's consent changes, newest first. */
  async function history(actor: Actor, studentId: number, ip: string): Promise<ConsentHistory> {
    const child = await q.findChildInScope(db, studentId, childScope(actor, 'consent:read'));
    if (!child) throw notFound('学生');
    const rows = await q.changesOf(db, studentId);
    await deps.audit.record({ actor: who(actor), action: 'consent.history_read', targetType: 'student', targetId: studentId, result: 'success', ip });
    return {
      studentId, level: child.level ?? DEFAULT_CONSENT,
      items: rows.map((r) => ({ id: r.id, fromLevel: r.from_level, toLevel: r.to_level, byName: r.by_name, source: Number(r.by_guardian) ? 'guardian' : 'school', at: r.at })),
    };
  }

  /**
   * Sets a child's level: a guardian for their own child, the principal for a pupil of their school
   * (a paper form). Setting the level a child already holds writes nothing. After the change has
   * committed, resources hears of it and narrows published lessons of the class where needed.
   */
  async function set(actor: Actor, studentId: number, level: ConsentLevel, ip: string): Promise<ConsentSaved> {
    const child = await q.findChildInScope(db, studentId, childScope(actor, 'consent:write'));
    if (!child) throw notFound('学生');
    const at = deps.clock.now().toISOString();
    const previous = await db.transaction().execute(async (trx) => {
      // Two saves at once for one child: the second waits, so the history's "from" is what it replaced.
      if (deps.db.dialect === 'postgres') await trx.selectFrom('students').select('id').where('id', '=', studentId).forUpdate().execute();
      const from = (await q.currentLevel(trx, studentId)) ?? DEFAULT_CONSENT;
      if (from !== level) await q.writeLevel(trx, { studentId, from, to: level, byUserId: actor.userId, at });
      return from;
    });
    if (previous === level) return { studentId, level, previous, changed: false, resourcesNarrowed: 0 };
    const guardian = await db.selectFrom('guardianships').select('student_id')
      .where('student_id', '=', studentId).where('user_id', '=', actor.userId).executeTakeFirst();
    const narrowed = rank(level) < rank(previous);
    await deps.audit.record({
      actor: who(actor), action: 'consent.set', targetType: 'student', targetId: studentId, result: 'success', ip,
      detail: { from: previous, to: level, source: guardian ? 'guardian' : 'school', classId: child.class_id, schoolId: child.school_id },
    });
    const replies = await deps.events.emit('consent.changed', { schoolId: child.school_id, classIds: [child.class_id], narrowed });
    const resourcesNarrowed = replies.reduce((n, r) => n + (r?.resourcesNarrowed ?? 0), 0);
    return { studentId, level, previous, changed: true, resourcesNarrowed };
  }

  return { mine, ofClass, history, set };
}

export type ConsentService = ReturnType<typeof createConsentService>;
