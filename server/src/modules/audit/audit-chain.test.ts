import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { createTestDb } from '../../test-support/test-db.js';
import { rowHash } from './audit-chain.js';
import { purgeAuditLog } from './audit-retention.js';
import { type AuditService, createAuditService } from './audit.service.js';
import { verifyAuditChain } from './audit-verify.js';

const DAY = 86_400_000;

describe('audit hash chain: verify, tampering, purge, concurrency', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let clock: ManualClock;
  let audit: AuditService;

  beforeEach(async () => {
    db = await createTestDb();
    clock = new ManualClock();
    audit = createAuditService({ db, clock });
  });
  afterEach(async () => db.dropAll());

  async function recordN(n: number, action = 'test.action') {
    for (let i = 0; i < n; i++) {
      await audit.record({ actor: { userId: 7, name: `用户${i}` }, action, targetType: 'school', targetId: i, result: 'success', ip: '10.0.0.1', detail: { i } });
      clock.advance(1000);
    }
  }
  // A small batch size makes the walk cross batch boundaries, as it does on a million rows.
  const verify = () => verifyAuditChain(db.db, { batchSize: 7 });

  it('an empty log verifies', async () => {
    expect(await verify()).toMatchObject({ ok: true, rowsChecked: 0, firstBadId: null, problem: null });
  });

  it('a chain of N records verifies OK and ends at the chain head', async () => {
    await recordN(30);
    const head = await db.db.selectFrom('audit_chain').selectAll().executeTakeFirstOrThrow();
    const r = await verify();
    expect(r).toMatchObject({ ok: true, rowsChecked: 30, firstBadId: null, problem: null, headId: 30, headHash: head.last_hash });
  });

  it('a row edited by hand with raw SQL is named', async () => {
    await recordN(30);
    await sql`update audit_log set actor_name = 'x' where id = ${17}`.execute(db.db);
    const r = await verify();
    expect(r).toMatchObject({ ok: false, problem: 'edited', firstBadId: 17, rowsChecked: 16 });
    expect(r.detail).toMatch(/^row was edited \(stored hash [0-9a-f]{64} ≠ computed [0-9a-f]{64}\)$/);
    expect(r.message).toContain('第 17 条');
  });

  it('an edit whose hash was recomputed still breaks the link to the next row', async () => {
    await recordN(10);
    const row = await db.db.selectFrom('audit_log').selectAll().where('id', '=', 4).executeTakeFirstOrThrow();
    const forged = { ...row, result: 'failure' as const };
    await db.db.updateTable('audit_log').set({ result: 'failure', hash: rowHash(forged.prev_hash, forged) }).where('id', '=', 4).execute();
    expect(await verify()).toMatchObject({ ok: false, problem: 'deleted', firstBadId: 5 });
  });

  it('a deleted middle row is detected and named', async () => {
    await recordN(30);
    await sql`delete from audit_log where id = ${12}`.execute(db.db);
    const r = await verify();
    expect(r).toMatchObject({ ok: false, problem: 'deleted', firstBadId: 12, rowsChecked: 11 });
    expect(r.detail).toContain('row 12 is missing');
  });

  it('a deleted first row is detected', async () => {
    await recordN(5);
    await sql`delete from audit_log where id = 1`.execute(db.db);
    expect(await verify()).toMatchObject({ ok: false, problem: 'deleted', firstBadId: 1 });
  });

  it('deleting the last row (or several) is detected against the chain head', async () => {
    await recordN(20);
    await sql`delete from audit_log where id = 20`.execute(db.db);
    expect(await verify()).toMatchObject({ ok: false, problem: 'truncated', firstBadId: 20, rowsChecked: 19 });
    await sql`delete from audit_log where id > 14`.execute(db.db);
    expect(await verify()).toMatchObject({ ok: false, problem: 'truncated', firstBadId: 15 });
  });

  it('a last row rewritten with a recomputed hash disagrees with the chain head', async () => {
    await recordN(5);
    const row = await db.db.selectFrom('audit_log').selectAll().where('id', '=', 5).executeTakeFirstOrThrow();
    const forged = { ...row, ip: '1.2.3.4' };
    await db.db.updateTable('audit_log').set({ ip: forged.ip, hash: rowHash(row.prev_hash, forged) }).where('id', '=', 5).execute();
    expect(await verify()).toMatchObject({ ok: false, problem: 'head_mismatch', firstBadId: 5 });
  });

  it('50 parallel record() calls produce a valid chain with consecutive ids', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) =>
      audit.record({ actor: null, action: 'test.parallel', targetId: i, result: 'success', ip: '10.0.0.2' })));
    const r = await verify();
    expect(r).toMatchObject({ ok: true, rowsChecked: 50, headId: 50 });
    const ids = (await db.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((x) => x.id);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  describe('retention purge', () => {
    it('after 200 days deletes what is older than the retention period, anchors the chain, and still verifies', async () => {
      await recordN(10, 'test.old');
      clock.advance(100 * DAY);
      await recordN(5, 'test.middle');
      clock.advance(100 * DAY);
      await recordN(3, 'test.new');

      const out = await purgeAuditLog(db, clock, 183);
      expect(out).toMatchObject({ deleted: 10, firstKeptId: 11, refused: null });
      const remaining = await db.db.selectFrom('audit_log').select(['id', 'action']).orderBy('id').execute();
      expect(remaining.map((x) => x.action)).not.toContain('test.old');
      expect(remaining[0]!.id).toBe(11);

      const purgeRow = await db.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.purge').executeTakeFirstOrThrow();
      expect(purgeRow).toMatchObject({ id: 19, result: 'success', actor_id: null });
      expect(JSON.parse(purgeRow.detail)).toMatchObject({ deleted: 10, firstKeptId: 11, retentionDays: 183 });

      const r = await verify();
      expect(r).toMatchObject({ ok: true, rowsChecked: 9, headId: 19 });
      expect(r.anchor).toMatchObject({ firstId: 11 });

      // The chain goes on growing from the new start, and a purge with nothing to delete changes nothing.
      await recordN(2);
      expect(await purgeAuditLog(db, clock, 183)).toMatchObject({ deleted: 0, refused: null });
      expect(await verify()).toMatchObject({ ok: true, rowsChecked: 12 });
    });

    it('after a purge, deleting the first remaining row is still detected', async () => {
      await recordN(4);
      clock.advance(200 * DAY);
      await recordN(4);
      await purgeAuditLog(db, clock, 183);
      await sql`delete from audit_log where id = 5`.execute(db.db);
      expect(await verify()).toMatchObject({ ok: false, problem: 'deleted', firstBadId: 5 });
    });

    it('a forged or removed anchor does not let deleted rows pass', async () => {
      await recordN(4);
      clock.advance(200 * DAY);
      await recordN(4);
      await purgeAuditLog(db, clock, 183);
      // Someone deletes row 5 and points the anchor at row 6's prev_hash: the purge row inside the chain disagrees.
      const row6 = await db.db.selectFrom('audit_log').select('prev_hash').where('id', '=', 6).executeTakeFirstOrThrow();
      await sql`delete from audit_log where id = 5`.execute(db.db);
      await db.db.updateTable('audit_anchor').set({ first_id: 6, prev_hash: row6.prev_hash }).execute();
      expect(await verify()).toMatchObject({ ok: false, problem: 'anchor_mismatch', firstBadId: 9 });
      // Without any anchor the chain must start at row 1 from the genesis hash.
      await db.db.deleteFrom('audit_anchor').execute();
      expect(await verify()).toMatchObject({ ok: false, problem: 'deleted', firstBadId: 1 });
    });

    it('refuses to purge rows that do not verify, so the evidence of tampering stays', async () => {
      await recordN(6);
      clock.advance(200 * DAY);
      await recordN(2);
      await sql`update audit_log set actor_name = 'x' where id = 3`.execute(db.db);
      const out = await purgeAuditLog(db, clock, 183);
      expect(out).toMatchObject({ deleted: 0, refused: { problem: 'edited', firstBadId: 3 } });
      expect(await db.db.selectFrom('audit_log').select('id').where('id', '=', 1).executeTakeFirst()).toBeDefined();
      const refusal = await db.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.purge').executeTakeFirstOrThrow();
      expect(refusal.result).toBe('failure');
      expect(await verify()).toMatchObject({ ok: false, problem: 'edited', firstBadId: 3 });
    });

    it('never keeps less than 183 days', async () => {
      await expect(purgeAuditLog(db, clock, 30)).rejects.toThrow(/at least 183/);
    });
  });
});
