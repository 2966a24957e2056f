import type { Static } from 'typebox';
import { addDays, shanghaiDate } from '../../../../shared/dates.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { UploadedFile } from '../../http/uploaded-file.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { FamilyChild } from '../students/family-children.js';
import { ageOn, childRef, type KindergartenReach } from './kindergarten-reach.js';
import type { KindergartenPhotos } from './kindergarten-photos.js';
import type {
  AddOneOffBody, AddPersonBody, OneOffSchema, PickupBody, PickupLogSchema, PickupOutcomeSchema, PickupPeopleSchema, PickupPersonSchema, RefusalSchema,
} from './kindergarten.schema.js';
import * as q from './pickup.queries.js';

type PickupPerson = Static<typeof PickupPersonSchema>;
type OneOff = Static<typeof OneOffSchema>;
type PickupLog = Static<typeof PickupLogSchema>;
type Refusal = Static<typeof RefusalSchema>;
type RefusalReason = Refusal['reason'];

/** A child's authorised people at most; a longer list is no list at the gate. */
const MAX_PERSONS = 10;
/** One-offs a child a day at most. */
const MAX_ONE_OFFS_A_DAY = 3;
/** How far ahead a guardian may authorise a one-off pick-up. */
const ONE_OFF_DAYS_AHEAD = 14;

export const personView = (r: q.PersonRow): PickupPerson => ({
  id: r.id, studentId: r.student_id, name: r.name, relation: r.relation, phone: r.phone, idLast4: r.id_last4, birthDate: r.birth_date,
  hasPhoto: !!r.photo_key, createdAt: r.created_at,
});

export const oneOffView = (r: q.OneOffRow, today: string): OneOff => ({
  id: r.id, studentId: r.student_id, day: r.day, name: r.name, relation: r.relation, phone: r.phone, hasPhoto: !!r.photo_key,
  state: r.cancelled_at ? 'cancelled' : r.used_at ? 'used' : r.day < today ? 'expired' : 'waiting', usedAt: r.used_at, createdAt: r.created_at,
});

export const pickupView = (r: q.PickupLogRow): PickupLog => ({
  id: r.id, pickedAt: r.picked_at, personName: r.person_name, personRelation: r.person_relation, via: r.one_off_id ? 'one_off' : 'person', byName: r.by_name,
});

export const refusalView = (r: q.RefusalRow): Refusal => ({
  id: r.id, at: r.at, personName: r.person_name, personPhone: r.person_phone, reason: r.reason as RefusalReason, byName: r.by_name,
});

const REASON_TEXT: Record<RefusalReason, string> = {
  not_on_list: '不在家长授权的接送人名单上',
  person_removed: '已被家长从接送人名单中移除',
  one_off_used: '这次临时委托已经用过一次',
  one_off_expired: '这次临时委托已过期（只在委托的当天有效）',
  one_off_not_today: '这次临时委托不是今天的',
  one_off_cancelled: '这次临时委托已被家长取消',
};

/**
 * 接送: the people a guardian authorises to pick their child up, one-off authorisations for one
 * day, and the class's pick-up desk. A pick-up by anyone not authorised is refused — nothing is
 * recorded as done — and the refusal is kept, audited and sent to the child's guardians. Nobody
 * under 18 is ever authorised.
 */
export function createPickupService(deps: {
  db: Db; clock: Clock; audit: AuditService; notifications: NotificationsService; reach: KindergartenReach; photos: KindergartenPhotos;
}) {
  const db = deps.db.db;
  const { reach, photos } = deps;
  const today = () => shanghaiDate(deps.clock.now());
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });

  function refuseMinor(name: string, birthDate: string | undefined) {
    if (birthDate && ageOn(birthDate, today()) < 18) {
      throw badRequest('PICKUP_PERSON_MINOR', `${name}生于 ${birthDate}，未满 18 周岁：未成年人不能接送孩子，请改为一位成年家人`);
    }
    if (birthDate && birthDate > today()) throw badRequest('PICKUP_BIRTH_DATE', `出生日期 ${birthDate} 在今天之后：请检查后重填`);
  }

  /** A child's authorised people and one-offs from today on: guardians and class staff (family:read). */
  async function people(actor: Actor, studentId: number): Promise<Static<typeof PickupPeopleSchema>> {
    const child = await reach.child(actor, 'family:read', studentId);
    const day = today();
    const [persons, oneOffs] = await Promise.all([q.activePersonsOf(db, [child.id]), q.oneOffsOf(db, [child.id], day)]);
    return { child: childRef(child), persons: persons.map(personView), oneOffs: oneOffs.map((o) => oneOffView(o, day)) };
  }

  async function addPerson(actor: Actor, studentId: number, body: Static<typeof AddPersonBody>, ip: string): Promise<PickupPerson> {
    const child = await reach.child(actor, 'family:write', studentId);
    if (!body.idLast4 && !body.birthDate) {
      throw badRequest('PICKUP_PERSON_ID_MISSING', '请填写接送人的身份证号后 4 位或出生日期：老师在门口核对身份时要用');
    }
    refuseMinor(body.name, body.birthDate);
    if (await q.countActivePersons(db, child.id) >= MAX_PERSONS) {
      throw conflict('PICKUP_PERSONS_FULL', `${child.label}已有 ${MAX_PERSONS} 位接送人：请先移除不再接送的人`);
    }
    const row = await q.insertPerson(db, {
      student_id: child.id, name: body.name.trim(), relation: body.relation.trim(), phone: body.phone, id_last4: body.idLast4?.toUpperCase() ?? null,
      birth_date: body.birthDate ?? null, photo_key: null, photo_type: null, active: 1, created_by_user_id: actor.userId,
      created_at: deps.clock.now().toISOString(), disabled_at: null,
    });
    await deps.audit.record({
      actor: who(actor), action: 'kindergarten.pickup_person_add', targetType: 'pickup_person', targetId: row.id, result: 'success', ip,
      detail: { studentId: child.id, relation: row.relation },
    });
    return personView(row);
  }

  /** The person and their child, when the actor reaches the child for `action`; else 404. */
  async function personInReach(actor: Actor, id: number, action: 'family:read' | 'family:write') {
    const row = await q.findPerson(db, id);
    if (!row) throw notFound('接送人');
    const child = await reach.child(actor, action, row.student_id);
    return { row, child };
  }

  async function removePerson(actor: Actor, id: number, ip: string): Promise<void> {
    const { row, child } = await personInReach(actor, id, 'family:write');
    if (!row.active) return;
    await q.disablePerson(db, id, deps.clock.now().toISOString());
    await deps.audit.record({
      actor: who(actor), action: 'kindergarten.pickup_person_remove', targetType: 'pickup_person', targetId: id, result: 'success', ip, detail: { studentId: child.id },
    });
  }

  async function putPersonPhoto(actor: Actor, id: number, file: UploadedFile, ip: string): Promise<PickupPerson> {
    const { row } = await personInReach(actor, id, 'family:write');
    if (!row.active) throw notFound('接送人');
    const photo = await photos.put('person', id, file);
    await q.setPersonPhoto(db, id, photo.key, photo.type);
    await photos.remove(row.photo_key);
    await deps.audit.record({ actor: who(actor), action: 'kindergarten.pickup_person_photo', targetType: 'pickup_person', targetId: id, result: 'success', ip });
    return personView({ ...row, photo_key: photo.key, photo_type: photo.type });
  }

  async function personPhoto(actor: Actor, id: number) {
    const { row } = await personInReach(actor, id, 'family:read');
    return photos.get(row.photo_key, row.photo_type);
  }

  async function addOneOff(actor: Actor, studentId: number, body: Static<typeof AddOneOffBody>, ip: string): Promise<OneOff> {
    const child = await reach.child(actor, 'family:write', studentId);
    const day = today();
    if (body.day < day) throw badRequest('ONE_OFF_DAY_PAST', `${body.day} 已经过去：临时委托只能给今天或以后的某一天`);
    if (body.day > addDays(day, ONE_OFF_DAYS_AHEAD)) {
      throw badRequest('ONE_OFF_DAY_FAR', `临时委托最多提前 ${ONE_OFF_DAYS_AHEAD} 天：${body.day} 太远了，请临近时再委托`);
    }
    refuseMinor(body.name, body.birthDate);
    if (await q.countOneOffsOn(db, child.id, body.day) >= MAX_ONE_OFFS_A_DAY) {
      throw conflict('ONE_OFFS_FULL', `${child.label} ${body.day} 已有 ${MAX_ONE_OFFS_A_DAY} 个临时委托：请先取消不用的`);
    }
    const row = await q.insertOneOff(db, {
      student_id: child.id, day: body.day, name: body.name.trim(), relation: body.relation.trim(), phone: body.phone, photo_key: null, photo_type: null,
      created_by_user_id: actor.userId, created_at: deps.clock.now().toISOString(), used_at: null, cancelled_at: null,
    });
    await deps.audit.record({
      actor: who(actor), action: 'kindergarten.one_off_add', targetType: 'pickup_one_off', targetId: row.id, result: 'success', ip,
      detail: { studentId: child.id, day: body.day },
    });
    const staff = await reach.children.staffOf(child.classId);
    await deps.notifications.notify(staff.map((s) => s.userId), {
      kind: 'kindergarten_one_off', title: `临时接送委托：${child.label}`,
      body: `${body.day} 由${row.relation} ${row.name}（${row.phone}）接，限用一次`, link: '/kindergarten',
    });
    return oneOffView(row, day);
  }

  async function oneOffInReach(actor: Actor, id: number, action: 'family:read' | 'family:write') {
    const row = await q.findOneOff(db, id);
    if (!row) throw notFound('临时委托');
    const child = await reach.child(actor, action, row.student_id);
    return { row, child };
  }

  async function cancelOneOff(actor: Actor, id: number, ip: string): Promise<void> {
    const { row, child } = await oneOffInReach(actor, id, 'family:write');
    if (row.used_at) throw conflict('ONE_OFF_USED', `这次临时委托已在 ${row.used_at} 用过，不能再取消`);
    if (row.cancelled_at) return;
    await q.cancelOneOff(db, id, deps.clock.now().toISOString());
    await deps.audit.record({ actor: who(actor), action: 'kindergarten.one_off_cancel', targetType: 'pickup_one_off', targetId: id, result: 'success', ip, detail: { studentId: child.id } });
  }

  async function putOneOffPhoto(actor: Actor, id: number, file: UploadedFile, ip: string): Promise<OneOff> {
    const { row } = await oneOffInReach(actor, id, 'family:write');
    if (row.used_at || row.cancelled_at) throw conflict('ONE_OFF_CLOSED', '这次临时委托已用过或已取消，不能再换照片');
    const photo = await photos.put('one-off', id, file);
    await q.setOneOffPhoto(db, id, photo.key, photo.type);
    await photos.remove(row.photo_key);
    await deps.audit.record({ actor: who(actor), action: 'kindergarten.one_off_photo', targetType: 'pickup_one_off', targetId: id, result: 'success', ip });
    return oneOffView({ ...row, photo_key: photo.key, photo_type: photo.type }, today());
  }

  async function oneOffPhoto(actor: Actor, id: number) {
    const { row } = await oneOffInReach(actor, id, 'family:read');
    return photos.get(row.photo_key, row.photo_type);
  }

  type Decision =
    | { ok: true; name: string; relation: string; personId: number | null; oneOffId: number | null }
    | { ok: false; name: string; phone: string; reason: RefusalReason };

  /** Whether the one-off lets its person pick the child up today; takes it when it does. */
  async function useOneOff(o: q.OneOffRow, day: string, at: string): Promise<Decision> {
    const refused = (reason: RefusalReason): Decision => ({ ok: false, name: o.name, phone: o.phone, reason });
    if (o.cancelled_at) return refused('one_off_cancelled');
    if (o.used_at) return refused('one_off_used');
    if (o.day < day) return refused('one_off_expired');
    if (o.day > day) return refused('one_off_not_today');
    if (!(await q.takeOneOff(db, o.id, at))) return refused('one_off_used');
    return { ok: true, name: o.name, relation: o.relation, personId: null, oneOffId: o.id };
  }

  async function decide(child: FamilyChild, body: Static<typeof PickupBody>, day: string, at: string): Promise<Decision> {
    if (body.personId !== undefined) {
      const p = await q.findPerson(db, body.personId);
      if (!p || p.student_id !== child.id) return { ok: false, name: body.name ?? '（未知）', phone: body.phone ?? '', reason: 'not_on_list' };
      if (!p.active) return { ok: false, name: p.name, phone: p.phone, reason: 'person_removed' };
      return { ok: true, name: p.name, relation: p.relation, personId: p.id, oneOffId: null };
    }
    if (body.oneOffId !== undefined) {
      const o = await q.findOneOff(db, body.oneOffId);
      if (!o || o.student_id !== child.id) return { ok: false, name: body.name ?? '（未知）', phone: body.phone ?? '', reason: 'not_on_list' };
      return useOneOff(o, day, at);
    }
    // Typed at the desk: the name and the phone must both match someone the guardians authorised.
    const name = body.name!.trim();
    const phone = body.phone!;
    const person = (await q.activePersonsOf(db, [child.id])).find((p) => p.phone === phone && p.name === name);
    if (person) return { ok: true, name: person.name, relation: person.relation, personId: person.id, oneOffId: null };
    const oneOffs = (await q.oneOffsOf(db, [child.id], addDays(day, -ONE_OFF_DAYS_AHEAD))).filter((o) => o.phone === phone && o.name === name);
    const usable = oneOffs.find((o) => o.day === day && !o.used_at && !o.cancelled_at) ?? oneOffs.find((o) => o.day === day) ?? oneOffs.at(-1);
    if (usable) return useOneOff(usable, day, at);
    return { ok: false, name, phone, reason: 'not_on_list' };
  }

  /**
   * The pick-up desk: the teacher names who came — one of the child's persons, a one-off, or a
   * typed name and phone. An authorised person: the pick-up is recorded. Anyone else: refused,
   * the refusal kept and audited, and the guardians told at once.
   */
  async function pickUp(actor: Actor, studentId: number, body: Static<typeof PickupBody>, ip: string): Promise<Static<typeof PickupOutcomeSchema>> {
    const child = await reach.child(actor, 'class:write', studentId);
    const given = [body.personId !== undefined, body.oneOffId !== undefined, body.name !== undefined || body.phone !== undefined].filter(Boolean).length;
    if (given !== 1 || ((body.name === undefined) !== (body.phone === undefined))) {
      throw badRequest('PICKUP_WHO', '请说明谁来接：从接送人名单中选一位（personId）、选家长的临时委托（oneOffId），或填写来人的姓名和手机号（name + phone）');
    }
    const day = today();
    const now = deps.clock.now().toISOString();
    const [done] = await q.pickupsOn(db, [child.id], day);
    if (done) throw conflict('PICKUP_DONE', `${child.label}今天已由${done.person_relation} ${done.person_name}接走（${done.picked_at}）`);
    const d = await decide(child, body, day, now);
    if (d.ok) {
      const row = await db.insertInto('kindergarten_pickups').values({
        student_id: child.id, class_id: child.classId, day, picked_at: now, person_id: d.personId, one_off_id: d.oneOffId,
        person_name: d.name, person_relation: d.relation, recorded_by_user_id: actor.userId,
      }).onConflict((oc) => oc.columns(['student_id', 'day']).doNothing()).returning('id').executeTakeFirst();
      // Two desks at once: the other one recorded it between the check above and this insert.
      if (!row) throw conflict('PICKUP_DONE', `${child.label}今天已经被接走：请刷新接送台查看是谁接走的`);
      await deps.audit.record({
        actor: who(actor), action: 'kindergarten.pickup', targetType: 'student', targetId: child.id, result: 'success', ip,
        detail: { pickupId: row.id, via: d.oneOffId ? 'one_off' : 'person', personId: d.personId, oneOffId: d.oneOffId },
      });
      const guardians = await reach.children.guardiansOf([child.id]);
      const notified = await deps.notifications.notify(guardians.map((g) => g.userId), {
        kind: 'kindergarten_pickup', title: `已接走：${child.label}`, body: `${d.relation} ${d.name} 已接走孩子`, link: '/family',
      });
      return {
        outcome: 'picked_up', refusal: null, guardiansNotified: notified, message: `${child.name}由${d.relation} ${d.name}接走`,
        pickup: { id: row.id, pickedAt: now, personName: d.name, personRelation: d.relation, via: d.oneOffId ? 'one_off' : 'person', byName: actor.name },
      };
    }
    const row = await db.insertInto('pickup_refusals').values({
      student_id: child.id, class_id: child.classId, day, at: now, person_name: d.name, person_phone: d.phone, reason: d.reason, recorded_by_user_id: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await deps.audit.record({
      actor: who(actor), action: 'kindergarten.pickup_refused', targetType: 'student', targetId: child.id, result: 'denied', ip,
      detail: { refusalId: row.id, reason: d.reason },
    });
    const guardians = await reach.children.guardiansOf([child.id]);
    const notified = await deps.notifications.notify(guardians.map((g) => g.userId), {
      kind: 'kindergarten_pickup_refused', title: `有人接孩子被拒绝：${child.label}`,
      body: `${d.name}${d.phone ? `（${d.phone}）` : ''}来接孩子，${REASON_TEXT[d.reason]}，老师没有放行。如是您委托的，请在接送人中添加或发临时委托。`,
      link: '/family',
    });
    return {
      outcome: 'refused', pickup: null, guardiansNotified: notified,
      message: `拒绝接走：${d.name}${REASON_TEXT[d.reason]}。孩子留在园内，已通知家长`,
      refusal: { id: row.id, at: now, personName: d.name, personPhone: d.phone, reason: d.reason, byName: actor.name },
    };
  }

  return { people, addPerson, removePerson, putPersonPhoto, personPhoto, addOneOff, cancelOneOff, putOneOffPhoto, oneOffPhoto, pickUp, today };
}

export type PickupService = ReturnType<typeof createPickupService>;
