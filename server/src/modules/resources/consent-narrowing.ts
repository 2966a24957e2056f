import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { type ConsentLevel, type ResourceScope, scopeRank } from '../../../../shared/resources.js';
import { reindexResource } from './search-index.js';

/** What the class's pupils' consent allows (students' `classConsentCap`). */
export type ClassCap = (classId: number) => Promise<{ cap: ResourceScope; least: ConsentLevel | null }>;

const SCOPE_NAMES: Record<ResourceScope, string> = { school: '本校', county: '本县（区）', city: '全市', public: '公开' };
const CONSENT_NAMES: Record<ConsentLevel, string> = { internal: '仅校内', county: '县（区）内', city: '市内', public: '公开' };

/**
 * Resources' handler of `consent.changed`: a lesson resource's widest scope is its class's least
 * consent. For every lesson of the changed classes the cap is stored; a published one seen wider
 * than the cap is narrowed at once — the history gets a `narrowed` row (by nobody: the consent
 * did it), the publisher is told, the audit log keeps it. A consent that widens never widens a
 * resource by itself: the publisher resubmits and the review decides. Courseware without video
 * is not capped. Idempotent: a second run finds nothing wider than the cap.
 */
export function createConsentNarrowing(deps: {
  db: Kysely<Database>; clock: Clock; audit: Pick<AuditService, 'record'>; notify: NotificationsService['notify']; classCap: ClassCap;
}) {
  const { db } = deps;

  async function narrowClass(schoolId: number, classId: number): Promise<number> {
    const { cap, least } = await deps.classCap(classId);
    const lessons = () => db.updateTable('resources').where('class_id', '=', classId).where('school_id', '=', schoolId).where('kind', '=', 'lesson');
    await lessons().set({ consent_cap: cap }).where((eb) => eb.or([eb('consent_cap', 'is', null), eb('consent_cap', '!=', cap)])).execute();
    const wider = (await db.selectFrom('resources')
      .select(['id', 'title', 'visible_scope', 'publisher_user_id'])
      .where('class_id', '=', classId).where('school_id', '=', schoolId).where('kind', '=', 'lesson').where('visible_scope', 'is not', null)
      .execute())
      .filter((r) => r.visible_scope !== null && scopeRank(r.visible_scope) > scopeRank(cap));
    let narrowed = 0;
    for (const r of wider) {
      const from = r.visible_scope!;
      const at = deps.clock.now().toISOString();
      const comment = `家长出镜授权变更：本班学生的最低授权为「${least ? CONSENT_NAMES[least] : '无'}」，发布范围由「${SCOPE_NAMES[from]}」收窄为「${SCOPE_NAMES[cap]}」。`;
      const done = await db.transaction().execute(async (trx) => {
        // Only if still as read: a concurrent narrowing (or an edit) already changed it.
        const res = await trx.updateTable('resources').set({ visible_scope: cap, updated_at: at })
          .where('id', '=', r.id).where('visible_scope', '=', from).executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) return false;
        await trx.insertInto('resource_reviews').values({
          resource_id: r.id, level: null, decision: 'narrowed', comment, scope_after: cap, feature: null, by_user_id: null, at,
        }).execute();
        await deps.notify([r.publisher_user_id], {
          kind: 'resource_narrowed', title: `资源发布范围已收窄：${r.title}`,
          body: `${comment}如家长日后扩大授权，发布范围不会自动恢复，请在资源页重新提交审核。`,
          link: `/resources/${r.id}`,
        }, trx);
        return true;
      });
      if (!done) continue;
      narrowed++;
      await deps.audit.record({
        actor: null, ip: '', action: 'resource.narrowed', targetType: 'resource', targetId: r.id, result: 'success',
        detail: { from, to: cap, classId, least, automatic: true },
      });
      await reindexResource(db, r.id);
    }
    return narrowed;
  }

  /** The handler: re-caps the lessons of each class; resolves with how many were narrowed. */
  async function onConsentChanged(change: { schoolId: number; classIds: readonly number[] }): Promise<{ resourcesNarrowed: number }> {
    let resourcesNarrowed = 0;
    for (const classId of new Set(change.classIds)) resourcesNarrowed += await narrowClass(change.schoolId, classId);
    return { resourcesNarrowed };
  }

  return { onConsentChanged };
}

export type ConsentNarrowing = ReturnType<typeof createConsentNarrowing>;
