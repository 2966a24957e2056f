import type { Static } from 'typebox';
import { shanghaiDate, spanDays } from '../../../../shared/dates.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { UploadedFile } from '../../http/uploaded-file.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { FamilyChild } from '../students/family-children.js';
import * as cq from './care.queries.js';
import { childRef, type KindergartenReach } from './kindergarten-reach.js';
import type { KindergartenPhotos } from './kindergarten-photos.js';
import type {
  AddMedicationBody, ArrivalSchema, ChildDaySchema, ClassDaySchema, HealthCheckBody, HealthCheckSchema, MedicationListSchema, MedicationSchema,
} from './kindergarten.schema.js';
import { oneOffView, personView, pickupView, refusalView } from './pickup.service.js';
import * as pq from './pickup.queries.js';

type ChildDay = Static<typeof ChildDaySchema>;
type Medication = Static<typeof MedicationSchema>;

/** Entrusted medication runs a short course: longer ones need a doctor's plan with the school. */
const MAX_MEDICATION_DAYS = 14;

const arrivalView = (r: cq.ArrivalRow): Static<typeof ArrivalSchema> => ({ id: r.id, arrivedAt: r.arrived_at, broughtBy: r.brought_by, byName: r.by_name });
const checkView = (r: cq.HealthCheckRow): Static<typeof HealthCheckSchema> => ({
  id: r.id, day: r.day, temperature: r.temperature_tenths / 10, mouthOk: !!r.mouth_ok, handsOk: !!r.hands_ok, skinOk: !!r.skin_ok,
  status: r.status, note: r.note, checkedAt: r.checked_at, byName: r.by_name,
});
const medicationView = (r: cq.MedicationRow, doses: cq.DoseRow[]): Medication => ({
  id: r.id, studentId: r.student_id, name: r.name, dose: r.dose, times: JSON.parse(r.times) as string[], fromDay: r.from_day, toDay: r.to_day,
  note: r.note, hasPhoto: !!r.photo_key, cancelled: !!r.cancelled_at, createdAt: r.created_at,
  doses: doses.filter((d) => d.medication_id === r.id).map((d) => ({ id: d.id, day: d.day, givenAt: d.given_at, byName: d.by_name, note: d.note })),
});

const STATUS_TEXT = { normal: '正常', attention: '需关注', sent_home: '劝返回家' } as const;

/**
 * Kindergarten care: arrival, the morning health check (晨检) and medication entrusted by parents
 * with every dose given, recorded by the class's staff and read by the child's guardians; and the
 * day views that gather one child's (guardians) or one class's (the teacher's desk) records.
 */
export function createCareService(deps: {
  db: Db; clock: Clock; audit: AuditService; notifications: NotificationsService; reach: KindergartenReach; photos: KindergartenPhotos;
}) {
  const db = deps.db.db;
  const { reach, photos } = deps;
  const today = () => shanghaiDate(deps.clock.now());
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });

  async function tellGuardians(child: FamilyChild, msg: { kind: string; title: string; body: string }) {
    const guardians = await reach.children.guardiansOf([child.id]);
    return deps.notifications.notify(guardians.map((g) => g.userId), { ...msg, link: '/family' });
  }

  /** The kindergarten children the actor reaches: the family app's home card shows only for these. */
  async function myChildren(actor: Actor) {
    return { items: (await reach.all(actor, 'family:read')).map(childRef) };
  }

  /** The kindergarten classes the actor is class staff of (a principal: the school's). */
  async function myClasses(actor: Actor) {
    const classes = (await reach.children.classes(actor, 'class:write')).filter((c) => c.schoolKind === 'kindergarten');
    return { items: classes.map((c) => ({ id: c.id, name: c.name, schoolName: c.schoolName })) };
  }

  async function arrive(actor: Actor, studentId: number, broughtBy: string, ip: string) {
    const child = await reach.child(actor, 'class:write', studentId);
    const day = today();
    const [already] = await cq.arrivalsOn(db, [child.id], day);
    if (already) throw conflict('ARRIVAL_DONE', `${child.label}今天已在 ${already.arrived_at} 记录入园（${already.brought_by}送）`);
    const at = deps.clock.now().toISOString();
    const row = await db.insertInto('kindergarten_arrivals').values({
      student_id: child.id, class_id: child.classId, day, arrived_at: at, brought_by: broughtBy.trim(), recorded_by_user_id: actor.userId,
    }).onConflict((oc) => oc.columns(['student_id', 'day']).doNothing()).returning('id').executeTakeFirst();
    // Recorded by someone else between the check above and this insert.
    if (!row) throw conflict('ARRIVAL_DONE', `${child.label}今天的入园已经记录过了：请刷新查看`);
    await deps.audit.record({ actor: who(actor), action: 'kindergarten.arrival', targetType: 'student', targetId: child.id, result: 'success', ip });
    return { id: row.id, arrivedAt: at, broughtBy: broughtBy.trim(), byName: actor.name };
  }

  /** Today's 晨检 of a child: written once, corrected by writing again. A child not well: the guardians hear at once. */
  async function check(actor: Actor, studentId: number, body: Static<typeof HealthCheckBody>, ip: string): Promise<Static<typeof HealthCheckSchema>> {
    const child = await reach.child(actor, 'class:write', studentId);
    const day = today();
    const at = deps.clock.now().toISOString();
    const values = {
      temperature_tenths: Math.round(body.temperature * 10), mouth_ok: body.mouthOk ? 1 : 0, hands_ok: body.handsOk ? 1 : 0, skin_ok: body.skinOk ? 1 : 0,
      status: body.status, note: body.note?.trim() ?? '', checked_by_user_id: actor.userId, checked_at: at,
    };
    const [before] = await cq.healthChecksOn(db, [child.id], day);
    if (before) await db.updateTable('health_checks').set(values).where('id', '=', before.id).execute();
    else {
      await db.insertInto('health_checks').values({ student_id: child.id, class_id: child.classId, day, ...values })
        .onConflict((oc) => oc.columns(['student_id', 'day']).doUpdateSet(values)).execute();
    }
    const [row] = await cq.healthChecksOn(db, [child.id], day);
    await deps.audit.record({
      actor: who(actor), action: 'kindergarten.health_check', targetType: 'student', targetId: child.id, result: 'success', ip,
      detail: { status: body.status, corrected: !!before },
    });
    if (body.status !== 'normal' && before?.status !== body.status) {
      await tellGuardians(child, {
        kind: 'kindergarten_health_check', title: `晨检${STATUS_TEXT[body.status]}：${child.label}`,
        body: `体温 ${(values.temperature_tenths / 10).toFixed(1)} °C${values.note ? `，${values.note}` : ''}`,
      });
    }
    return checkView(row!);
  }

  async function medicationInReach(actor: Actor, id: number, action: 'family:read' | 'family:write' | 'class:write') {
    const row = await cq.findMedication(db, id);
    if (!row) throw notFound('委托服药');
    return { row, child: await reach.child(actor, action, row.student_id) };
  }

  async function entrust(actor: Actor, studentId: number, body: Static<typeof AddMedicationBody>, ip: string): Promise<Medication> {
    const child = await reach.child(actor, 'family:write', studentId);
    const day = today();
    if (body.fromDay < day) throw badRequest('MEDICATION_FROM_PAST', `开始日期 ${body.fromDay} 已过：请从今天（${day}）或以后开始`);
    if (body.toDay < body.fromDay) throw badRequest('MEDICATION_RANGE', `结束日期 ${body.toDay} 早于开始日期 ${body.fromDay}：请检查后重填`);
    if (spanDays(body.fromDay, body.toDay) > MAX_MEDICATION_DAYS) {
      throw badRequest('MEDICATION_TOO_LONG', `委托服药最多 ${MAX_MEDICATION_DAYS} 天：更长的疗程请与班主任当面商定`);
    }
    const times = [...new Set(body.times)].sort();
    const row = await db.insertInto('medications').values({
      student_id: child.id, name: body.name.trim(), dose: body.dose.trim(), times: JSON.stringify(times), from_day: body.fromDay, to_day: body.toDay,
      note: body.note?.trim() ?? '', photo_key: null, photo_type: null, created_by_user_id: actor.userId, created_at: deps.clock.now().toISOString(), cancelled_at: null,
    }).returningAll().executeTakeFirstOrThrow();
    await deps.audit.record({
      actor: who(actor), action: 'kindergarten.medication_entrust', targetType: 'medication', targetId: row.id, result: 'success', ip, detail: { studentId: child.id },
    });
    const staff = await reach.children.staffOf(child.classId);
    await deps.notifications.notify(staff.map((s) => s.userId), {
      kind: 'kindergarten_medication', title: `委托服药：${child.label}`, body: `${row.name} ${row.dose}，${times.join('、')}，${row.from_day} 至 ${row.to_day}`, link: '/kindergarten',
    });
    return medicationView(row, []);
  }

  async function cancelMedication(actor: Actor, id: number, ip: string): Promise<void> {
    const { row, child } = await medicationInReach(actor, id, 'family:write');
    if (row.cancelled_at) return;
    await db.updateTable('medications').set({ cancelled_at: deps.clock.now().toISOString() }).where('id', '=', id).execute();
    await deps.audit.record({ actor: who(actor), action: 'kindergarten.medication_cancel', targetType: 'medication', targetId: id, result: 'success', ip, detail: { studentId: child.id } });
  }

  async function putMedicationPhoto(actor: Actor, id: number, file: UploadedFile, ip: string): Promise<Medication> {
    const { row } = await medicationInReach(actor, id, 'family:write');
    const photo = await photos.put('medication', id, file);
    await db.updateTable('medications').set({ photo_key: photo.key, photo_type: photo.type }).where('id', '=', id).execute();
    await photos.remove(row.photo_key);
    await deps.audit.record({ actor: who(actor), action: 'kindergarten.medication_photo', targetType: 'medication', targetId: id, result: 'success', ip });
    return medicationView({ ...row, photo_key: photo.key, photo_type: photo.type }, await cq.dosesOf(db, [id]));
  }

  async function medicationPhoto(actor: Actor, id: number) {
    const { row } = await medicationInReach(actor, id, 'family:read');
    return photos.get(row.photo_key, row.photo_type);
  }

  /** A child's medication, newest first, each with every dose given (guardians and class staff). */
  async function medications(actor: Actor, studentId: number): Promise<Static<typeof MedicationListSchema>> {
    const child = await reach.child(actor, 'family:read', studentId);
    const rows = await cq.medicationsOf(db, [child.id]);
    const doses = await cq.dosesOf(db, rows.map((r) => r.id));
    return { child: childRef(child), items: rows.map((r) => medicationView(r, doses)) };
  }

  /** Records a dose given now: only on a day the medication is due, and no more doses than its times. */
  async function giveDose(actor: Actor, id: number, note: string | undefined, ip: string): Promise<Medication> {
    const { row, child } = await medicationInReach(actor, id, 'class:write');
    const day = today();
    if (row.cancelled_at) throw conflict('MEDICATION_CANCELLED', `${child.label}的 ${row.name} 已被家长取消：不要再喂药`);
    if (day < row.from_day || day > row.to_day) {
      throw badRequest('MEDICATION_NOT_DUE', `${child.label}的 ${row.name} 只在 ${row.from_day} 至 ${row.to_day} 服用，今天（${day}）不服`);
    }
    const times = JSON.parse(row.times) as string[];
    const given = await cq.dosesOf(db, [id], day);
    if (given.length >= times.length) {
      throw conflict('MEDICATION_DOSES_DONE', `${child.label}的 ${row.name} 今天的 ${times.length} 次已全部服完：不要重复喂药`);
    }
    await db.insertInto('medication_doses').values({
      medication_id: id, day, given_at: deps.clock.now().toISOString(), given_by_user_id: actor.userId, note: note?.trim() ?? '',
    }).execute();
    await deps.audit.record({ actor: who(actor), action: 'kindergarten.medication_dose', targetType: 'medication', targetId: id, result: 'success', ip, detail: { studentId: child.id } });
    await tellGuardians(child, { kind: 'kindergarten_medication_dose', title: `已服药：${child.label}`, body: `${row.name} ${row.dose}（今天第 ${given.length + 1} 次）` });
    return medicationView(row, await cq.dosesOf(db, [id]));
  }

  /** The records of several children on one day, by child. */
  async function daysOf(kids: FamilyChild[], day: string): Promise<ChildDay[]> {
    const ids = kids.map((k) => k.id);
    const [arrivals, pickups, refusals, checks, meds] = await Promise.all([
      cq.arrivalsOn(db, ids, day), pq.pickupsOn(db, ids, day), pq.refusalsOn(db, ids, day), cq.healthChecksOn(db, ids, day), cq.medicationsOf(db, ids, day),
    ]);
    const doses = await cq.dosesOf(db, meds.map((m) => m.id), day);
    return kids.map((k) => {
      const arrival = arrivals.find((a) => a.student_id === k.id);
      const pickup = pickups.find((p) => p.student_id === k.id);
      const check = checks.find((c) => c.student_id === k.id);
      return {
        child: childRef(k), day,
        arrival: arrival ? arrivalView(arrival) : null,
        pickup: pickup ? pickupView(pickup) : null,
        refusals: refusals.filter((r) => r.student_id === k.id).map(refusalView),
        healthCheck: check ? checkView(check) : null,
        medications: meds.filter((m) => m.student_id === k.id).map((m) => medicationView(m, doses)),
      };
    });
  }

  /** A child's day for their guardians: arrival, pick-up, refusals, 晨检, medication due and doses. */
  async function childDay(actor: Actor, studentId: number, day: string | undefined): Promise<ChildDay> {
    const child = await reach.child(actor, 'family:read', studentId);
    const [out] = await daysOf([child], day ?? today());
    return out!;
  }

  /** The teacher's desk: every child of the class with the day's records and who may pick them up. */
  async function classDay(actor: Actor, classId: number, day: string | undefined, ip: string): Promise<Static<typeof ClassDaySchema>> {
    const klass = await reach.klass(actor, 'class:write', classId);
    const d = day ?? today();
    const kids = await reach.children.children(actor, 'class:write', { classId });
    const ids = kids.map((k) => k.id);
    const [days, persons, oneOffs] = await Promise.all([daysOf(kids, d), pq.activePersonsOf(db, ids), pq.oneOffsOf(db, ids, d)]);
    await deps.audit.record({ actor: who(actor), action: 'kindergarten.class_day_read', targetType: 'class', targetId: classId, result: 'success', ip, detail: { day: d, rows: kids.length } });
    const current = today();
    return {
      classId: klass.id, className: klass.name, schoolName: klass.schoolName, day: d,
      children: days.map((cd) => ({
        ...cd,
        persons: persons.filter((p) => p.student_id === cd.child.id).map(personView),
        oneOffs: oneOffs.filter((o) => o.student_id === cd.child.id && o.day === d).map((o) => oneOffView(o, current)),
      })),
    };
  }

  return { myChildren, myClasses, arrive, check, entrust, cancelMedication, putMedicationPhoto, medicationPhoto, medications, giveDose, childDay, classDay };
}

export type CareService = ReturnType<typeof createCareService>;
