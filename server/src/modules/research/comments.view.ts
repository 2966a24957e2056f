import type { Static } from 'typebox';
import type { RoleAssignmentView } from '../../../../shared/domain.js';
import type { CommentRow } from './comments.queries.js';
import type { CommentAuthor, CommentSchema, ThreadSchema } from './comments.schema.js';

/**
 * How comments are shown: threads in time order, authors with a role, rubric items as tags.
 * Pure functions over rows already read, so the rules are tested without a database.
 */

export type CommentView = Static<typeof CommentSchema>;
export type ThreadView = Static<typeof ThreadSchema>;
export type AuthorView = Static<typeof CommentAuthor>;

export interface RubricItem {
  key: string;
  text: string;
  dimension: string;
}

/**
 * The items of an observation rubric's definition (see ObservationRubricTable): every item of
 * every dimension, in order. A definition that is not the expected JSON gives no items, so a
 * broken rubric refuses tags rather than failing the page.
 */
export function rubricItemsOf(definition: string | null): RubricItem[] {
  if (!definition) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch {
    return [];
  }
  const dimensions = (parsed as { dimensions?: unknown }).dimensions;
  if (!Array.isArray(dimensions)) return [];
  const out: RubricItem[] = [];
  for (const d of dimensions as { key?: unknown; name?: unknown; items?: unknown }[]) {
    if (!d || !Array.isArray(d.items)) continue;
    const dimension = typeof d.name === 'string' ? d.name : typeof d.key === 'string' ? d.key : '';
    for (const item of d.items as { key?: unknown; text?: unknown }[]) {
      if (item && typeof item.key === 'string' && item.key) out.push({ key: item.key, text: typeof item.text === 'string' ? item.text : item.key, dimension });
    }
  }
  return out;
}

/**
 * The role shown beside an author's name: the one they hold at the lesson's school, else their
 * first (a county officer's, a city researcher's). A person without roles shows none.
 */
export function authorOf(userId: number, name: string, assignments: readonly RoleAssignmentView[], lessonSchoolId: number): AuthorView {
  const chosen = assignments.find((a) => a.schoolId === lessonSchoolId) ?? assignments.find((a) => a.role !== 'parent') ?? assignments[0];
  return { userId, name, role: chosen?.role ?? null, department: chosen?.department ?? null, orgName: chosen?.scopeName ?? null };
}

/** 12:34 or 1:02:03 on the lesson's clock, for messages. */
export function clockText(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

export interface ViewerRights {
  viewerUserId: number;
  /** New comments, replies and edits are taken (the activity's review window). */
  reviewsOpen: boolean;
  /** The viewer organises the activity: may delete anyone's comment. */
  canModerate: boolean;
}

/** One comment as the viewer sees it; `parent` names whom a reply to a reply answers. */
export function commentView(
  row: CommentRow,
  ctx: ViewerRights & { author: AuthorView; editCount: number; parent?: { row: CommentRow; authorName: string } | null },
): CommentView {
  const deleted = row.deleted_at !== null;
  const mine = row.author_user_id === ctx.viewerUserId;
  const parent = ctx.parent ?? null;
  return {
    id: row.id, parentId: row.parent_id, atMs: row.at_ms, body: deleted ? '' : row.body, deleted,
    rubricItemKey: deleted ? null : row.rubric_item_key, author: ctx.author, createdAt: row.created_at, updatedAt: row.updated_at,
    edited: ctx.editCount > 0,
    replyTo: parent && parent.row.parent_id !== null ? { id: parent.row.id, authorName: parent.authorName } : null,
    canEdit: !deleted && mine && ctx.reviewsOpen,
    canDelete: !deleted && ((mine && ctx.reviewsOpen) || ctx.canModerate),
  };
}

/**
 * A place's comments as threads: each comment at a time (no parent) with every reply below it,
 * at any depth, oldest first. A deleted comment stays only while a reply still stands below it
 * (shown as 已删除, so the replies keep their context); one with nothing left below goes.
 * `rows` come in time order.
 */
export function threadsOf(
  rows: readonly CommentRow[],
  ctx: ViewerRights & { authors: ReadonlyMap<number, AuthorView>; editCounts: ReadonlyMap<number, number> },
): { threads: ThreadView[]; shown: number } {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rootOf = (r: CommentRow): CommentRow => {
    let at = r;
    // Bounded by the rows: a parent outside them (never, within the cap) ends the walk.
    for (let i = 0; at.parent_id !== null && i < rows.length; i++) {
      const up = byId.get(at.parent_id);
      if (!up) break;
      at = up;
    }
    return at;
  };
  // What stays: every standing comment, and each deleted one with a standing comment below it.
  const keep = new Set<number>();
  for (const r of rows) {
    if (r.deleted_at !== null) continue;
    let at: CommentRow | undefined = r;
    for (let i = 0; at && !keep.has(at.id) && i <= rows.length; i++) {
      keep.add(at.id);
      at = at.parent_id !== null ? byId.get(at.parent_id) : undefined;
    }
  }
  const unknown: AuthorView = { userId: 0, name: '', role: null, department: null, orgName: null };
  const view = (r: CommentRow) => {
    const parentRow = r.parent_id !== null ? byId.get(r.parent_id) : undefined;
    return commentView(r, {
      ...ctx, author: ctx.authors.get(r.author_user_id) ?? { ...unknown, userId: r.author_user_id }, editCount: ctx.editCounts.get(r.id) ?? 0,
      parent: parentRow ? { row: parentRow, authorName: ctx.authors.get(parentRow.author_user_id)?.name ?? '' } : null,
    });
  };
  const threads: ThreadView[] = [];
  const threadOf = new Map<number, ThreadView>();
  for (const r of rows) {
    if (!keep.has(r.id) || rootOf(r) !== r) continue;
    const t: ThreadView = { ...view(r), replies: [] };
    threads.push(t);
    threadOf.set(r.id, t);
  }
  for (const r of [...rows].sort((a, b) => a.id - b.id)) {
    if (!keep.has(r.id)) continue;
    const root = rootOf(r);
    if (root === r) continue;
    threadOf.get(root.id)?.replies.push(view(r));
  }
  return { threads, shown: keep.size };
}
