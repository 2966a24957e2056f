import { describe, expect, it } from 'vitest';
import type { CommentRow } from './comments.queries.js';
import { authorOf, clockText, rubricItemsOf, threadsOf } from './comments.view.js';

let nextId = 1;
function row(p: Partial<CommentRow>): CommentRow {
  return {
    id: nextId++, school_id: 1, group_id: 'g', recording_id: 1, activity_id: null, parent_id: null, author_user_id: 10, at_ms: 0, body: 'x',
    rubric_item_key: null, created_at: '2018-04-04T02:00:00.000Z', updated_at: '2018-04-04T02:00:00.000Z', deleted_at: null, deleted_by_user_id: null, ...p,
  };
}
const ctx = { viewerUserId: 10, reviewsOpen: true, canModerate: false, authors: new Map(), editCounts: new Map<number, number>() };

describe('comment threads', () => {
  it('groups replies at any depth under their comment, oldest first; threads keep time order', () => {
    const a = row({ at_ms: 5_000 });
    const b = row({ at_ms: 1_000 });
    const r1 = row({ parent_id: a.id, at_ms: 5_000 });
    const r2 = row({ parent_id: r1.id, at_ms: 5_000, author_user_id: 11 });
    const rows = [b, a, r1, r2];
    const { threads, shown } = threadsOf(rows, ctx);
    expect(threads.map((t) => t.id)).toEqual([b.id, a.id]);
    expect(threads[1]!.replies.map((r) => r.id)).toEqual([r1.id, r2.id]);
    expect(threads[1]!.replies[0]!.replyTo).toBeNull();
    expect(threads[1]!.replies[1]!.replyTo).toMatchObject({ id: r1.id });
    expect(threads[1]!.replies[1]!.canEdit).toBe(false);
    expect(shown).toBe(4);
  });

  it('keeps a deleted comment only while a reply stands below it, and hides its text', () => {
    const gone = row({ at_ms: 1_000, deleted_at: '2018-04-05T00:00:00.000Z', body: '秘密' });
    const kept = row({ at_ms: 2_000, deleted_at: '2018-04-05T00:00:00.000Z', body: '秘密' });
    const reply = row({ parent_id: kept.id, at_ms: 2_000 });
    const deletedReply = row({ parent_id: kept.id, at_ms: 2_000, deleted_at: '2018-04-05T00:00:00.000Z' });
    const { threads, shown } = threadsOf([gone, kept, reply, deletedReply], ctx);
    expect(threads.map((t) => t.id)).toEqual([kept.id]);
    expect(threads[0]).toMatchObject({ deleted: true, body: '', canDelete: false, canEdit: false });
    expect(threads[0]!.replies.map((r) => r.id)).toEqual([reply.id]);
    expect(shown).toBe(2);
  });

  it('lets the organiser delete anyone\'s comment, the author theirs while reviews are open', () => {
    const other = row({ author_user_id: 99 });
    expect(threadsOf([other], ctx).threads[0]!.canDelete).toBe(false);
    expect(threadsOf([other], { ...ctx, canModerate: true }).threads[0]!.canDelete).toBe(true);
    const mine = row({});
    expect(threadsOf([mine], { ...ctx, reviewsOpen: false }).threads[0]).toMatchObject({ canDelete: false, canEdit: false });
  });
});

describe('rubric tags, authors and times', () => {
  it('reads every item of every dimension, and nothing from a broken definition', () => {
    const def = { dimensions: [{ key: 'd1', name: '教师', items: [{ key: 'a', text: '提问' }, { key: 'b' }] }, { key: 'd2', items: [{ key: 'c', text: '参与' }, { text: 'no key' }] }] };
    expect(rubricItemsOf(JSON.stringify(def))).toEqual([
      { key: 'a', text: '提问', dimension: '教师' }, { key: 'b', text: 'b', dimension: '教师' }, { key: 'c', text: '参与', dimension: 'd2' },
    ]);
    for (const broken of [null, '', '{', '[]', '{"dimensions":5}', '{"dimensions":[null,{"items":"x"}]}']) expect(rubricItemsOf(broken)).toEqual([]);
  });

  it('shows the role held at the lesson\'s school first', () => {
    const views = [
      { id: 1, role: 'researcher' as const, department: null, cityId: 1, countyId: 2, schoolId: null, scopeName: '冠县' },
      { id: 2, role: 'teacher' as const, department: null, cityId: 1, countyId: 2, schoolId: 7, scopeName: '冠县实验小学' },
    ];
    expect(authorOf(5, '张三', views, 7)).toEqual({ userId: 5, name: '张三', role: 'teacher', department: null, orgName: '冠县实验小学' });
    expect(authorOf(5, '张三', views, 8)).toMatchObject({ role: 'researcher', orgName: '冠县' });
    expect(authorOf(5, '张三', [], 8)).toMatchObject({ role: null, orgName: null });
  });

  it('writes lesson times as mm:ss, with hours past the hour', () => {
    expect(clockText(754_000)).toBe('12:34');
    expect(clockText(0)).toBe('00:00');
    expect(clockText(3_723_999)).toBe('1:02:03');
  });
});
