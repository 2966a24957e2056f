import type { Static } from 'typebox';
import { type Actor, resourceReachOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import * as q from './engagement.queries.js';
import { COMMENTS_SHOWN, MINE_LIMIT, type UseBody } from './engagement.schema.js';
import { keepUse } from './uses.service.js';

type Who = { actor: Actor; ip: string };

/**
 * Whether the actor reaches a research activity (member, or supervising it). Research sits on the
 * same floor and owns its tables, so the composition root hands this in (research-reach's
 * `activity`); resources never reads research's tables.
 */
export type ActivityReachable = (actor: Actor, activityId: number) => Promise<boolean>;

export interface EngagementDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  activityReachable: ActivityReachable;
}

const NOT_PUBLISHED = () => conflict('RESOURCE_NOT_PUBLISHED', '该资源尚未发布（仍在审核中或已撤回），发布后才能收藏、评分、评论或记录备课使用');

/**
 * Using a resource (优质资源的使用): views and lesson preparations kept for the equity picture,
 * favourites, one rating per person, comments, and the counts a resource's page shows. Every call
 * first finds the resource through resourceInScope (the access gate's one resource reach): a
 * resource out of reach answers 404 like a missing one. Engagement is taken on published resources
 * only — opening a resource in review is reviewing, not using it.
 */
export function createEngagementService(deps: EngagementDeps) {
  const db = deps.db.db;
  const now = () => deps.clock.now();

  async function reachable(actor: Actor, id: number) {
    const row = await q.reachableResource(db, resourceReachOf(actor), id);
    if (!row) throw notFound('资源');
    return row;
  }

  async function published(actor: Actor, id: number) {
    const row = await reachable(actor, id);
    if (row.visible_scope === null) throw NOT_PUBLISHED();
    return row;
  }

  async function audit(w: Who, action: string, targetId: number, detail: Record<string, unknown>, targetType = 'resource') {
    await deps.audit.record({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip, action, targetType, targetId, result: 'success', detail });
  }

  /**
   * Keeps a view or a lesson preparation. A view of a resource not (yet) published, or by its own
   * publisher, is not a use and is quietly not kept: the page asks on every visit, also in review.
   * Uses are not audited: each is itself a record, kept in resource_uses.
   */
  async function use(actor: Actor, id: number, body: Static<typeof UseBody>): Promise<{ kept: boolean }> {
    if (body.kind === 'view') {
      if (body.activityId !== undefined) throw new AppError(400, 'RESOURCE_USE_ACTIVITY_VIEW', '只有“用于备课”可以关联教研活动，浏览记录不能带 activityId');
      const row = await reachable(actor, id);
      if (row.visible_scope === null || row.publisher_user_id === actor.userId) return { kept: false };
      return { kept: await keepUse(db, { userId: actor.userId, grants: actor.grants, resourceId: id, kind: 'view', at: now() }) };
    }
    await published(actor, id);
    if (body.activityId !== undefined && !await deps.activityReachable(actor, body.activityId)) throw notFound('教研活动');
    return { kept: await keepUse(db, { userId: actor.userId, grants: actor.grants, resourceId: id, kind: 'prepare', activityId: body.activityId ?? null, at: now() }) };
  }

  /** The counts a resource's page shows, and what the actor has done with it. */
  async function engagement(actor: Actor, id: number) {
    const row = await reachable(actor, id);
    const [uses, favourites, rating, comments, mine] = await Promise.all([
      q.useCounts(db, id), q.favouriteCount(db, id), q.ratingOf(db, id), q.commentCount(db, id), q.mineOf(db, actor.userId, id),
    ]);
    return {
      resourceId: id, views: uses.get('view') ?? 0, downloads: uses.get('download') ?? 0, preparations: uses.get('prepare') ?? 0, favourites,
      rating: { average: rating.average === null ? null : Math.round(rating.average * 10) / 10, count: rating.count },
      comments, published: row.visible_scope !== null, mine,
    };
  }

  async function favourite(w: Who, id: number) {
    await published(w.actor, id);
    if (await q.addFavourite(db, w.actor.userId, id, now().toISOString())) await audit(w, 'resource.favourite', id, {});
    return engagement(w.actor, id);
  }

  /** Removing a favourite needs no published resource: one withdrawn from review may be let go of too. */
  async function unfavourite(w: Who, id: number): Promise<void> {
    await reachable(w.actor, id);
    if (await q.removeFavourite(db, w.actor.userId, id)) await audit(w, 'resource.unfavourite', id, {});
  }

  async function rate(w: Who, id: number, stars: number) {
    await published(w.actor, id);
    const before = await q.setRating(db, w.actor.userId, id, stars, now().toISOString());
    if (before !== stars) await audit(w, 'resource.rate', id, { stars, before });
    return engagement(w.actor, id);
  }

  async function favourites(actor: Actor) {
    const rows = await q.favouritesOf(db, resourceReachOf(actor), MINE_LIMIT);
    return { items: rows.map((r) => ({ ...refOf(r), at: r.at })) };
  }

  async function preparations(actor: Actor) {
    const rows = await q.preparationsOf(db, resourceReachOf(actor), MINE_LIMIT);
    return { items: rows.map((r) => ({ ...refOf(r), activityId: r.activity_id, at: r.at })) };
  }

  /** The author may delete their comment, and so may the principal of the publisher's school. */
  function mayDelete(actor: Actor, authorUserId: number, resourceSchoolId: number): boolean {
    return authorUserId === actor.userId || actor.grants.some((g) => g.role === 'principal' && g.schoolId === resourceSchoolId);
  }

  async function comments(actor: Actor, id: number) {
    const row = await reachable(actor, id);
    const { rows, total } = await q.commentsOf(db, id, COMMENTS_SHOWN);
    return {
      resourceId: id, total,
      items: rows.map((c) => ({
        id: c.id, body: c.body, author: { userId: c.user_id, name: c.name }, createdAt: c.created_at, canDelete: mayDelete(actor, c.user_id, row.school_id),
      })),
    };
  }

  async function comment(w: Who, id: number, body: string) {
    const row = await published(w.actor, id);
    const text = body.trim();
    const at = now().toISOString();
    const commentId = await q.insertComment(db, { resourceId: id, userId: w.actor.userId, body: text, at });
    await audit(w, 'resource_comment.create', commentId, { resourceId: id, body: text.slice(0, 200) }, 'resource_comment');
    return { id: commentId, body: text, author: { userId: w.actor.userId, name: w.actor.name }, createdAt: at, canDelete: mayDelete(w.actor, w.actor.userId, row.school_id) };
  }

  async function removeComment(w: Who, id: number, commentId: number): Promise<void> {
    const row = await reachable(w.actor, id);
    const c = await q.findComment(db, id, commentId);
    if (!c || c.deleted_at !== null) throw notFound('评论');
    if (!mayDelete(w.actor, c.user_id, row.school_id)) {
      throw new AppError(403, 'RESOURCE_COMMENT_DELETE_NOT_ALLOWED', '只有评论的作者或资源所在学校的校长可以删除这条评论');
    }
    if (!await q.markCommentDeleted(db, commentId, now().toISOString())) throw notFound('评论');
    await audit(w, 'resource_comment.delete', commentId, {
      resourceId: id, authorUserId: c.user_id, byAuthor: c.user_id === w.actor.userId, deleted: c.body.slice(0, 200),
    }, 'resource_comment');
  }

  return { use, engagement, favourite, unfavourite, rate, favourites, preparations, comments, comment, removeComment };
}

function refOf(r: { id: number; title: string; kind: string; subject: string; grade: string; feature: string | null; visible_scope: string | null }) {
  return { resourceId: r.id, title: r.title, kind: r.kind, subject: r.subject, grade: r.grade, feature: r.feature, visibleScope: r.visible_scope };
}

export type EngagementService = ReturnType<typeof createEngagementService>;
