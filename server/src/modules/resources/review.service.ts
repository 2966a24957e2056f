import type { Actor } from '../../access/actor.js';
import { resourceReachOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import type { FeatureLevel, ReviewLevel } from '../../../../shared/resources.js';
import { REVIEW_LEVELS, scopeAfterApproval } from '../../../../shared/resources.js';
import type { ReviewHistory, ReviewOutcome, ReviewQueue, ReviewRequest } from '../../../../shared/resources-review-types.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import * as q from './review.queries.js';
import {
  featureRefusal, type FeatureRefusal, featuresAllowedAt, highestLevel, type ResourcePlace, reviewLevelsAt, reviewNodesOf,
  stageAfterApproval, visibleAfterApproval,
} from './review-rules.js';
import { FEATURE_NAME, LEVEL_NAME, SCOPE_NAME, STAGE_NAME } from './review.texts.js';
import { reindexResource } from './search-index.js';

type Who = { actor: Actor; ip: string };

export interface ReviewDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  notify: NotificationsService['notify'];
  notifyPrincipals: NotificationsService['notifyPrincipals'];
}

const placeOf = (r: q.ResourceRow): ResourcePlace => ({ schoolId: r.school_id, countyId: r.county_id, cityId: r.city_id });
const outcome = (r: Pick<q.ResourceRow, 'id' | 'review_stage' | 'visible_scope' | 'feature' | 'published_at'>): ReviewOutcome => ({
  id: r.id, reviewStage: r.review_stage, visibleScope: r.visible_scope, feature: r.feature, publishedAt: r.published_at,
});

const FEATURE_REFUSED: Record<FeatureRefusal, () => AppError> = {
  not_done: () => conflict('REVIEW_FEATURE_NOT_DONE', '只能推荐已发布的资源，或在本级审核通过并发布的同一步推荐：这份资源还在审核中'),
  level: () => new AppError(403, 'REVIEW_FEATURE_LEVEL', '县教科所可推荐为优课，市级可推荐为优课或精品课；学校不能推荐，县级不能评精品课'),
  scope: () => conflict('REVIEW_FEATURE_SCOPE', '资源的可见范围太窄，不能这样推荐：优课须至少对本县可见，精品课须至少对全市可见'),
  premium_is_city: () => new AppError(403, 'REVIEW_FEATURE_PREMIUM_CITY', '这份资源是市级评定的精品课，只有市级审核人可以更改或取消'),
};

/**
 * The review chain (资源审核) and featuring (优课 / 精品课): the school, the county 教科所 and the
 * city approve a resource in turn up to the scope its publisher asked for, or return it with a
 * comment; the county and the city feature published ones. The resource must be in the actor's
 * reach (404 otherwise, as if missing); a reach without a reviewing role is 403; a resource not
 * waiting at the actor's level is 409. Every step is kept in resource_reviews, audited, and told
 * to the publisher.
 */
export function createReviewService(deps: ReviewDeps) {
  const db = deps.db.db;
  const now = () => deps.clock.now().toISOString();

  async function reached(actor: Actor, id: number) {
    const row = await q.findReachedResource(db, resourceReachOf(actor), id);
    if (!row) throw notFound('资源');
    return row;
  }

  /** What waits for the actor: at each level they review, at the nodes where they review it, in reach. */
  async function queue(actor: Actor, query: { level?: ReviewLevel; page: number; pageSize: number }): Promise<ReviewQueue> {
    const nodes = reviewNodesOf(actor.grants);
    const levels = REVIEW_LEVELS.filter((l) => (l === 'school' ? nodes.schoolIds : l === 'county' ? nodes.countyIds : nodes.cityIds).length > 0);
    const { rows, total } = await q.reviewQueue(db, resourceReachOf(actor), nodes, {
      level: query.level ?? null, limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
    });
    return {
      items: rows.map((r) => ({
        id: r.id, kind: r.kind, title: r.title, subject: r.subject, grade: r.grade, requestedScope: r.requested_scope, visibleScope: r.visible_scope,
        consentCap: r.consent_cap, reviewStage: r.review_stage, feature: r.feature, publisherName: r.publisher_name, schoolId: r.school_id,
        schoolCode: r.school_code, schoolName: r.school_name, updatedAt: r.updated_at,
      })),
      total, page: query.page, pageSize: query.pageSize, levels,
    };
  }

  /** One review step: approve (optionally featuring what this approval publishes), return, feature or unfeature. */
  async function review(w: Who, id: number, body: ReviewRequest): Promise<ReviewOutcome> {
    const row = await reached(w.actor, id);
    const levels = reviewLevelsAt(w.actor.grants, placeOf(row));
    if (!levels.length) {
      throw new AppError(403, 'REVIEW_NOT_REVIEWER', '只有资源所在学校的校长、所在县的教科所（或县教育局管理员）、所在市的教研员（或市教育局管理员）可以审核这份资源');
    }
    const comment = (body.comment ?? '').trim();
    const at = now();
    if (body.decision === 'approve' || body.decision === 'return') {
      if (row.review_stage === 'done' || row.review_stage === 'returned' || row.review_stage === 'withdrawn') {
        throw conflict('REVIEW_NOT_WAITING', `这份资源当前${STAGE_NAME[row.review_stage]}，不在审核中，不能通过或退回`, { stage: row.review_stage });
      }
      const level = row.review_stage;
      if (!levels.includes(level)) {
        throw conflict('REVIEW_NOT_YOUR_LEVEL', `这份资源正等待${STAGE_NAME[level]}，不在您的审核层级（${levels.map((l) => LEVEL_NAME[l]).join('、')}）`, { stage: level });
      }
      if (body.decision === 'return') {
        if (!comment) throw badRequest('REVIEW_COMMENT_REQUIRED', '退回资源时必须填写意见（comment），告诉发布者需要修改什么');
        // What lower levels approved stays visible: their approval still holds for their scope,
        // and readers already using the resource keep it. Only the climb to a wider scope stops.
        return step(w, row, level, {
          review_stage: 'returned', visible_scope: row.visible_scope, feature: row.feature, featured_at: row.featured_at, published_at: row.published_at, updated_at: at,
        }, { decision: 'return', comment, feature: null });
      }
      const stage = stageAfterApproval(row.requested_scope, level);
      const visible = visibleAfterApproval({ requestedScope: row.requested_scope, visibleScope: row.visible_scope, consentCap: row.consent_cap }, level);
      const feature = body.feature ?? null;
      if (feature) {
        const refusal = featureRefusal(level, stage, visible, row.feature, feature);
        if (refusal) throw FEATURE_REFUSED[refusal]();
      }
      return step(w, row, level, {
        review_stage: stage, visible_scope: visible, feature: feature ?? row.feature, featured_at: feature ? at : row.featured_at,
        published_at: stage === 'done' ? row.published_at ?? at : row.published_at, updated_at: at,
      }, { decision: 'approve', comment, feature });
    }
    // feature / unfeature: as the widest level the actor reviews this resource at.
    const level = highestLevel(levels.filter((l) => featuresAllowedAt(l).length > 0));
    if (!level) throw FEATURE_REFUSED.level();
    const feature: FeatureLevel | null = body.decision === 'feature' ? body.feature ?? null : null;
    if (body.decision === 'feature' && !feature) throw badRequest('REVIEW_FEATURE_REQUIRED', '推荐时请选择推荐级别（feature）：quality（优课）或 premium（精品课）');
    const refusal = featureRefusal(level, row.review_stage, row.visible_scope, row.feature, feature);
    if (refusal) throw FEATURE_REFUSED[refusal]();
    if (feature === row.feature) return outcome(row); // already so: nothing to record
    return step(w, row, level, {
      review_stage: row.review_stage, visible_scope: row.visible_scope, feature, featured_at: feature ? at : null, published_at: row.published_at, updated_at: at,
    }, { decision: 'feature', comment, feature });
  }

  /** Writes one step (state, history row) together, then audits it and tells the publisher. */
  async function step(w: Who, row: q.ResourceRow, level: ReviewLevel, to: Parameters<typeof q.moveResource>[3], rec: { decision: 'approve' | 'return' | 'feature'; comment: string; feature: FeatureLevel | null }) {
    await db.transaction().execute(async (trx) => {
      if (!await q.moveResource(trx, row.id, { stage: row.review_stage, feature: row.feature }, to)) {
        throw conflict('REVIEW_CHANGED', '这份资源刚被他人审核或修改过，请刷新后再操作');
      }
      await q.insertReview(trx, {
        resource_id: row.id, level, decision: rec.decision, comment: rec.comment, scope_after: to.visible_scope, feature: rec.feature,
        by_user_id: w.actor.userId, at: to.updated_at,
      });
    });
    const unfeature = rec.decision === 'feature' && rec.feature === null;
    await deps.audit.record({
      actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip, action: `resource.${unfeature ? 'unfeature' : rec.decision}`,
      targetType: 'resource', targetId: row.id, result: 'success',
      detail: { level, from: row.review_stage, to: to.review_stage, visibleScope: to.visible_scope, feature: to.feature, comment: rec.comment.slice(0, 500) },
    });
    await reindexResource(db, row.id);
    await tellPublisher(row, level, to, rec);
    return outcome({ id: row.id, ...to });
  }

  async function tellPublisher(row: q.ResourceRow, level: ReviewLevel, to: Parameters<typeof q.moveResource>[3], rec: { decision: string; comment: string; feature: FeatureLevel | null }) {
    const by = LEVEL_NAME[level];
    const link = `/resources/${row.id}`;
    const seen = to.visible_scope ? `现对${SCOPE_NAME[to.visible_scope]}可见` : '尚未发布';
    const capped = to.visible_scope && row.consent_cap && to.visible_scope === row.consent_cap && scopeAfterApproval(row.requested_scope, level) !== to.visible_scope
      ? '（受学生肖像使用同意的限制）' : '';
    let msg: { kind: string; title: string; body: string };
    if (rec.decision === 'return') {
      msg = { kind: 'resource_returned', title: `资源被退回：${row.title}`, body: `${by}退回了「${row.title}」：${rec.comment}。请按意见修改后重新提交；${seen}。` };
    } else if (rec.decision === 'approve' && to.review_stage === 'done') {
      const featured = rec.feature ? `，并推荐为${FEATURE_NAME[rec.feature]}` : '';
      msg = { kind: 'resource_published', title: `资源已发布：${row.title}`, body: `${by}审核通过了「${row.title}」${featured}，${seen}${capped}。` };
    } else if (rec.decision === 'approve') {
      msg = { kind: 'resource_approved', title: `资源通过${by}审核：${row.title}`, body: `${by}审核通过了「${row.title}」，已送${STAGE_NAME[to.review_stage]}；${seen}${capped}。` };
    } else if (rec.feature) {
      msg = { kind: 'resource_featured', title: `资源被推荐为${FEATURE_NAME[rec.feature]}：${row.title}`, body: `${by}将「${row.title}」推荐为${FEATURE_NAME[rec.feature]}，列入市级优质资源集。` };
    } else {
      msg = { kind: 'resource_unfeatured', title: `资源取消推荐：${row.title}`, body: `${by}取消了「${row.title}」的推荐${rec.comment ? `：${rec.comment}` : ''}。` };
    }
    await deps.notify([row.publisher_user_id], { ...msg, link });
  }

  /**
   * The publisher (re)submits a returned or withdrawn resource: it goes back to the school's review.
   * Idempotent: a resource already in review is left as it is (200, nothing recorded).
   */
  async function submit(w: Who, id: number): Promise<ReviewOutcome> {
    const row = await reached(w.actor, id);
    if (row.publisher_user_id !== w.actor.userId) throw new AppError(403, 'RESOURCE_SUBMIT_NOT_PUBLISHER', '只有资源的发布者可以提交审核');
    if (row.review_stage === 'done') throw conflict('RESOURCE_ALREADY_PUBLISHED', '这份资源已经发布，无需再提交审核；如需扩大发布范围，请修改资源后再提交');
    if (row.review_stage !== 'returned' && row.review_stage !== 'withdrawn') return outcome(row);
    const at = now();
    const to = { review_stage: 'school' as const, visible_scope: row.visible_scope, feature: row.feature, featured_at: row.featured_at, published_at: row.published_at, updated_at: at };
    await db.transaction().execute(async (trx) => {
      if (!await q.moveResource(trx, row.id, { stage: row.review_stage, feature: row.feature }, to)) {
        throw conflict('REVIEW_CHANGED', '这份资源刚被他人审核或修改过，请刷新后再操作');
      }
      await q.insertReview(trx, { resource_id: row.id, level: null, decision: 'submit', comment: '', scope_after: row.visible_scope, feature: null, by_user_id: w.actor.userId, at });
    });
    await deps.audit.record({
      actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip, action: 'resource.submit', targetType: 'resource', targetId: row.id, result: 'success',
      detail: { from: row.review_stage, requestedScope: row.requested_scope },
    });
    await deps.notifyPrincipals(row.school_id, {
      kind: 'resource_submitted', title: `待审核资源：${row.title}`, body: `${w.actor.name}提交了「${row.title}」，申请对${SCOPE_NAME[row.requested_scope]}发布，请审核。`,
      link: `/resources/${row.id}`,
    });
    return outcome({ id: row.id, ...to });
  }

  /**
   * A resource's review history: for its publisher and for those who supervise its school (its
   * reviewers and their colleagues); a reader who only sees the published resource does not see
   * the reviewers' comments (403).
   */
  async function history(actor: Actor, id: number): Promise<ReviewHistory> {
    const row = await reached(actor, id);
    const reach = resourceReachOf(actor);
    const s = reach.supervising;
    const supervises = !!s && (s.all || s.cityIds.includes(row.city_id) || s.countyIds.includes(row.county_id) || s.schoolIds.includes(row.school_id));
    if (row.publisher_user_id !== actor.userId && !supervises) {
      throw new AppError(403, 'REVIEW_HISTORY_NOT_ALLOWED', '审核记录只对资源的发布者和所在学校的审核人员开放');
    }
    const levels = reviewLevelsAt(actor.grants, placeOf(row));
    const featureLevel = highestLevel(levels.filter((l) => featuresAllowedAt(l).length > 0));
    const items = await q.historyOf(db, id);
    return {
      resourceId: row.id, reviewStage: row.review_stage, requestedScope: row.requested_scope, visibleScope: row.visible_scope, consentCap: row.consent_cap,
      feature: row.feature,
      canReviewAt: levels.filter((l) => l === row.review_stage),
      canSubmit: row.publisher_user_id === actor.userId && (row.review_stage === 'returned' || row.review_stage === 'withdrawn'),
      canFeature: featureLevel && row.review_stage === 'done' && !(featureLevel !== 'city' && row.feature === 'premium') ? featuresAllowedAt(featureLevel) : [],
      items: items.map((r) => ({
        id: r.id, level: r.level, decision: r.decision, comment: r.comment, scopeAfter: r.scope_after, feature: r.feature, byName: r.by_name, at: r.at,
      })),
    };
  }

  return { queue, review, submit, history };
}

export type ReviewService = ReturnType<typeof createReviewService>;
