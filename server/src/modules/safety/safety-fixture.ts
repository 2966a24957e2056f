import { Readable } from 'node:stream';
import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from '../../access/matrix/matrix-types.js';
import { safetyHazardPhotoKey } from '../../storage/keys.js';
import type { TestApp } from '../../test-support/test-app.js';

const TARGETS = ['own', 'sibling', 'foreign'] as const;
type PerActor = Record<MatrixActor, Record<Target, number>>;

/**
 * The safety records the matrix acts on, at 冠县实验小学 (own), 冠县第二实验小学 (sibling) and
 * 莘县实验小学 (foreign): a check, a drill, a hazard with a photo, and a staff member who may answer
 * for hazards there; and for each actor and target a hazard of its own to start, to rectify and to
 * verify, so the order in which actors run changes no outcome. At 冠县实验小学 gxsy.teacher answers
 * for the hazards, so the teacher may move them (the principal always may).
 */
export interface SafetyFixture {
  safetyCheck: Record<Target, number>;
  safetyDrill: Record<Target, number>;
  safetyHazard: Record<Target, number>;
  safetyPhoto: Record<Target, number>;
  safetyStaff: Record<Target, number>;
  safetyStart: PerActor;
  safetyRectify: PerActor;
  safetyVerify: PerActor;
}

export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

export async function addSafetyToFixture(t: TestApp, f: MatrixFixture): Promise<SafetyFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const out = {
    safetyCheck: {}, safetyDrill: {}, safetyHazard: {}, safetyPhoto: {}, safetyStaff: {}, safetyStart: {}, safetyRectify: {}, safetyVerify: {},
  } as SafetyFixture;
  const staffOf = async (target: Target) => {
    if (target === 'own') return (await db.selectFrom('users').select('id').where('username', '=', 'gxsy.teacher').executeTakeFirstOrThrow()).id;
    return (await db.selectFrom('role_assignments').select('user_id').where('school_id', '=', f.school[target])
      .where('role', 'in', ['principal', 'teacher']).orderBy('user_id').executeTakeFirstOrThrow()).user_id;
  };
  const hazard = async (target: Target, status: string, title: string) => (await db.insertInto('safety_hazards').values({
    school_id: f.school[target], check_id: null, area: 'fire', item: null, title, description: '矩阵', level: 'general',
    responsible_user_id: out.safetyStaff[target], deadline: '2099-12-31', status, reported_by_user_id: out.safetyStaff[target],
    rectification_note: status === 'rectified' ? '矩阵整改' : null, rectified_by_user_id: status === 'rectified' ? out.safetyStaff[target] : null,
    rectified_at: status === 'rectified' ? now : null, rectified_on: status === 'rectified' ? now.slice(0, 10) : null,
    verified_by_user_id: null, verified_at: null, escalated_at: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow()).id;

  for (const target of TARGETS) out.safetyStaff[target] = await staffOf(target);
  for (const target of TARGETS) {
    const by = out.safetyStaff[target];
    out.safetyCheck[target] = (await db.insertInto('safety_checks').values({
      school_id: f.school[target], checked_on: '2026-01-05', results: JSON.stringify([{ area: 'gate', items: [{ key: 'cctv', ok: true, note: '' }] }]),
      problems: 0, note: `矩阵巡查-${target}`, by_user_id: by, created_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
    out.safetyDrill[target] = (await db.insertInto('safety_drills').values({
      school_id: f.school[target], kind: 'fire', held_on: '2026-01-05', participants: 100, duration_minutes: 20, note: `矩阵演练-${target}`, by_user_id: by, created_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
    out.safetyHazard[target] = await hazard(target, 'open', `矩阵隐患-${target}`);
    const key = safetyHazardPhotoKey(out.safetyHazard[target], `matrix${target}`, 'png');
    await t.storage.putStream(key, Readable.from([PNG_BYTES]), 'image/png');
    out.safetyPhoto[target] = (await db.insertInto('safety_hazard_photos').values({
      hazard_id: out.safetyHazard[target], stage: 'report', storage_key: key, mime: 'image/png', size_bytes: PNG_BYTES.length, by_user_id: by, created_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }
  for (const actor of Object.keys(MATRIX_ACTORS) as MatrixActor[]) {
    out.safetyStart[actor] = {} as Record<Target, number>;
    out.safetyRectify[actor] = {} as Record<Target, number>;
    out.safetyVerify[actor] = {} as Record<Target, number>;
    for (const target of TARGETS) {
      out.safetyStart[actor][target] = await hazard(target, 'open', `矩阵开始整改-${actor}`);
      out.safetyRectify[actor][target] = await hazard(target, 'open', `矩阵整改-${actor}`);
      out.safetyVerify[actor][target] = await hazard(target, 'rectified', `矩阵验收-${actor}`);
    }
  }
  Object.assign(f, out);
  return out;
}

/** The safety part of a fixture that went through addSafetyToFixture. */
export function safetyOf(f: MatrixFixture): SafetyFixture {
  const s = f as MatrixFixture & Partial<SafetyFixture>;
  if (!s.safetyHazard || !s.safetyVerify) throw new Error('the matrix fixture has no safety records: call addSafetyToFixture(t, f) in buildMatrixFixture');
  return s as SafetyFixture;
}
