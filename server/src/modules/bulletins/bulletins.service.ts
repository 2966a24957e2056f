import type { Static } from 'typebox';
import { type Actor, type Scope, scopeOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import * as q from './bulletins.queries.js';
import type { CreateBulletinBody, ListQuery } from './bulletins.schema.js';

type Who = { actor: Actor; ip: string };

const KIND_LABEL = { notice: '通报', commendation: '表彰', criticism: '批评' } as const;

/**
 * The city bureau's bulletins (通报), commendations (表彰) and criticisms (批评), naming schools
 * and counties. `bulletin:write` (the city bureau) drafts and publishes; everyone with
 * `bulletin:read` reads the published bulletins of their city. Drafts are seen only by writers.
 */
export function createBulletinsService(deps: { db: Db; clock: Clock; audit: AuditService; notifications?: Pick<NotificationsService, 'notifyPrincipals'> }) {
  const db = deps.db.db;
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  function readScope(actor: Actor): Scope {
    const scope = scopeOf(actor, 'bulletin:read');
    if (!scope) throw forbidden();
    return scope;
  }

  /** Readers see what is published; writers see their city's drafts too. */
  const visible = (actor: Actor) => q.bulletinVisible(readScope(actor), scopeOf(actor, 'bulletin:write'));

  async function withSubjects(rows: q.BulletinRow[]) {
    const subjects = await q.subjectsOf(db, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id, kind: r.kind, title: r.title, body: r.body, issuedOn: r.issued_on, status: r.status, publishedAt: r.published_at,
      createdByName: r.created_by_name,
      subjects: subjects.filter((s) => s.bulletin_id === r.id).map((s) => (s.school_id !== null
        ? { kind: 'school' as const, id: s.school_id, code: s.school_code ?? '', name: s.school_name ?? '', countyName: s.county_name }
        : { kind: 'county' as const, id: s.county_id, code: s.county_code, name: s.county_name, countyName: s.county_name })),
    }));
  }

  async function list(actor: Actor, query: Static<typeof ListQuery>) {
    const where = visible(actor);
    const filter = { kind: query.kind, status: query.status, schoolId: query.schoolId, countyId: query.countyId };
    const [rows, total] = await Promise.all([
      q.listBulletins(db, where, filter, query.pageSize, (query.page - 1) * query.pageSize),
      q.countBulletins(db, where, filter),
    ]);
    return { items: await withSubjects(rows), total, page: query.page, pageSize: query.pageSize };
  }

  async function get(actor: Actor, id: number) {
    const row = await q.findBulletin(db, visible(actor), id);
    if (!row) throw notFound('通报');
    return (await withSubjects([row]))[0]!;
  }

  /** The published commendations naming a school of the caller's city (its school page shows them). */
  async function schoolCommendations(actor: Actor, schoolId: number) {
    const scope = readScope(actor);
    const school = await db.selectFrom('schools').select('id').where('id', '=', schoolId).where(q.bulletinInScope(scope, 'schools.city_id')).executeTakeFirst();
    if (!school) throw notFound('学校');
    const rows = await q.commendationsOf(db, q.bulletinInScope(scope), schoolId);
    return { items: rows.map((r) => ({ id: r.id, title: r.title, issuedOn: r.issued_on })) };
  }

  function writeCity(actor: Actor): number {
    const scope = scopeOf(actor, 'bulletin:write');
    if (!scope) throw forbidden();
    if (scope.cityIds.length !== 1) throw badRequest('BULLETIN_CITY_UNKNOWN', '通报由市教育局发布：您的账号应当且只能属于一个市，请联系系统管理员核对角色');
    return scope.cityIds[0]!;
  }

  async function create(w: Who, body: Static<typeof CreateBulletinBody>) {
    const cityId = writeCity(w.actor);
    const schools = body.schoolIds.length
      ? await db.selectFrom('schools').select(['id', 'county_id']).where('id', 'in', body.schoolIds).where('city_id', '=', cityId).execute()
      : [];
    const missingSchools = body.schoolIds.filter((id) => !schools.some((s) => s.id === id));
    if (missingSchools.length) throw notFound(`学校（编号 ${missingSchools.join('、')}）`);
    const counties = body.countyIds.length
      ? await db.selectFrom('regions').select('id').where('id', 'in', body.countyIds).where('parent_id', '=', cityId).where('level', '=', 'county').execute()
      : [];
    const missingCounties = body.countyIds.filter((id) => !counties.some((c) => c.id === id));
    if (missingCounties.length) throw notFound(`县(市、区)（编号 ${missingCounties.join('、')}）`);
    if (body.kind === 'commendation' && !schools.length && !counties.length) {
      throw badRequest('BULLETIN_NAMES_NOBODY', '表彰需要至少点名一所学校或一个县(市、区)，请在「点名对象」中选择');
    }
    const now = deps.clock.now().toISOString();
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('bulletins').values({
        city_id: cityId, kind: body.kind, title: body.title.trim(), body: body.body.trim(), issued_on: body.issuedOn,
        status: body.publish ? 'published' : 'draft', created_by_user_id: w.actor.userId, created_at: now, published_at: body.publish ? now : null,
      }).returning('id').executeTakeFirstOrThrow();
      const subjects = [
        ...schools.map((s) => ({ bulletin_id: row.id, subject_key: `school:${s.id}`, school_id: s.id, county_id: s.county_id })),
        ...counties.map((c) => ({ bulletin_id: row.id, subject_key: `county:${c.id}`, school_id: null, county_id: c.id })),
      ];
      if (subjects.length) await trx.insertInto('bulletin_subjects').values(subjects).execute();
      return row.id;
    });
    await deps.audit.record({
      ...by(w), action: 'bulletin.create', targetType: 'bulletin', targetId: id, result: 'success',
      detail: { kind: body.kind, published: body.publish, schools: schools.length, counties: counties.length },
    });
    if (body.publish) await tellSchools(id, body.kind, body.title);
    return get(w.actor, id);
  }

  async function publish(w: Who, id: number) {
    writeCity(w.actor);
    const row = await q.findBulletin(db, visible(w.actor), id);
    if (!row) throw notFound('通报');
    if (row.status === 'published') throw conflict('BULLETIN_PUBLISHED', `「${row.title}」已于 ${row.published_at?.slice(0, 10)} 发布，无需再次发布`);
    await db.updateTable('bulletins').set({ status: 'published', published_at: deps.clock.now().toISOString() }).where('id', '=', id).execute();
    await deps.audit.record({ ...by(w), action: 'bulletin.publish', targetType: 'bulletin', targetId: id, result: 'success', detail: { kind: row.kind } });
    await tellSchools(id, row.kind, row.title);
    return get(w.actor, id);
  }

  /** The principals of each school a published bulletin names hear of it in their inbox. */
  async function tellSchools(id: number, kind: keyof typeof KIND_LABEL, title: string) {
    if (!deps.notifications) return;
    const named = await db.selectFrom('bulletin_subjects').select('school_id').where('bulletin_id', '=', id).where('school_id', 'is not', null).execute();
    await deps.notifications.notifyPrincipals(named.map((s) => s.school_id!), {
      kind: 'bulletin', title: `市教育局${KIND_LABEL[kind]}：${title}`, body: `市教育局发布的${KIND_LABEL[kind]}点名了贵校，请查看。`,
      link: `/bulletins/${id}`, dedupeKey: `bulletin:${id}`,
    });
  }

  return { list, get, schoolCommendations, create, publish };
}

export type BulletinsService = ReturnType<typeof createBulletinsService>;
