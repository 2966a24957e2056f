import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.js';
import { scopeOf } from '../../access/actor.js';
import { ROLE_PERMISSIONS } from '../../access/policy.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { checkDefinition, type Definition, parseDefinition } from './rubric-definition.js';
import * as q from './rubrics.queries.js';
import type { ListRubricsQuery, RubricBody } from './rubrics.schema.js';

type Who = { actor: Actor; ip: string };

/** Where the actor reads rubrics (research:read), from their grants' nodes. */
function readersOf(actor: Actor): q.RubricReaders {
  if (!actor.permissions.has('research:read')) throw forbidden();
  const r: q.RubricReaders = { all: false, cityIds: [], cityRubricsOf: [], countyIds: [] };
  for (const g of actor.grants) {
    if (!ROLE_PERMISSIONS[g.role]?.includes('research:read')) continue;
    if (g.cityId === null) r.all = true;
    else if (g.countyId === null) r.cityIds.push(g.cityId);
    else {
      r.cityRubricsOf.push(g.cityId);
      r.countyIds.push(g.countyId);
    }
  }
  return r;
}

function writersOf(actor: Actor): q.RubricWriters | null {
  const scope = scopeOf(actor, 'rubric:write');
  return scope ? { all: scope.all, cityIds: scope.cityIds, countyIds: scope.countyIds } : null;
}

function mayWrite(w: q.RubricWriters | null, row: { city_id: number; county_id: number | null }): boolean {
  if (!w) return false;
  return w.all || w.cityIds.includes(row.city_id) || (row.county_id !== null && w.countyIds.includes(row.county_id));
}

/** The node a new rubric belongs to: the creator's city grant first, else their county's. */
function ownerOf(actor: Actor): { cityId: number; countyId: number | null } {
  const grants = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role]?.includes('rubric:write') && g.cityId !== null && g.schoolId === null);
  const city = grants.find((g) => g.countyId === null);
  if (city) return { cityId: city.cityId!, countyId: null };
  const county = grants.find((g) => g.countyId !== null);
  if (county) return { cityId: county.cityId!, countyId: county.countyId };
  throw new AppError(403, 'RUBRIC_OWNER_NONE', '观察量表由市或县(市、区)定义：您的账号不属于市或县级单位，不能新建量表');
}

function view(row: q.RubricRow, w: q.RubricWriters | null) {
  const definition = parseDefinition(row.definition);
  const scoreCount = Number(row.score_count ?? 0);
  return {
    id: row.id, name: row.name, description: row.description, status: row.status, version: row.version,
    copiedFromRubricId: row.copied_from_rubric_id,
    owner: {
      level: row.county_id === null ? 'city' as const : 'county' as const, cityId: row.city_id, countyId: row.county_id,
      name: row.county_name ?? row.city_name,
    },
    dimensionCount: definition.dimensions.length,
    itemCount: definition.dimensions.reduce((n, d) => n + d.items.length, 0),
    scoreCount, activityCount: Number(row.activity_count ?? 0),
    canWrite: mayWrite(w, row), createdByName: row.created_by_name, createdAt: row.created_at, updatedAt: row.updated_at,
    definition, locked: row.status === 'published' && scoreCount > 0,
  };
}

export type RubricView = ReturnType<typeof view>;

/**
 * Observation rubrics (课堂观察量表): the city or a county defines them, draft → published →
 * archived. Observers score on a published rubric; once it has scores it never changes (the
 * scores would change meaning), and a revision is a copy with the next version number.
 * Reading: research:read within the actor's city and county (drafts only for those who may write
 * them). Writing: rubric:write over the rubric's owner node.
 */
export function createRubricsService(deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }) {
  const { db } = deps;
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  async function list(actor: Actor, query: Static<typeof ListRubricsQuery>) {
    const w = writersOf(actor);
    const rows = await q.listRubrics(db, readersOf(actor), w, query.status);
    return { items: rows.map((r) => { const { definition: _d, locked: _l, ...summary } = view(r, w); return summary; }) };
  }

  async function get(actor: Actor, id: number): Promise<RubricView> {
    const w = writersOf(actor);
    const row = await q.findRubric(db, id, readersOf(actor), w);
    if (!row) throw notFound('观察量表');
    return view(row, w);
  }

  /** The rubric the actor may change: 404 out of reach, 403 readable but not theirs to write. */
  async function writable(actor: Actor, id: number) {
    const w = writersOf(actor);
    if (!w) throw forbidden();
    const row = await q.findRubric(db, id, readersOf(actor), w);
    if (!row) throw notFound('观察量表');
    if (!mayWrite(w, row)) {
      throw new AppError(403, 'RUBRIC_NOT_YOURS', `量表「${row.name}」由${row.county_name ?? row.city_name}定义，只能由其维护；如需调整，请「复制为新版本」后修改副本`);
    }
    return row;
  }

  async function create(w: Who, body: Static<typeof RubricBody>) {
    if (!writersOf(w.actor)) throw forbidden();
    const owner = ownerOf(w.actor);
    const definition = checkDefinition(body.definition);
    const now = deps.clock.now().toISOString();
    const id = await q.insertRubric(db, {
      name: body.name.trim(), description: body.description.trim(), city_id: owner.cityId, county_id: owner.countyId,
      definition: JSON.stringify(definition), status: 'draft', created_by_user_id: w.actor.userId, created_at: now, updated_at: now,
      version: 1, copied_from_rubric_id: null,
    });
    await deps.audit.record({ ...by(w), action: 'rubric.create', targetType: 'observation_rubric', targetId: id, result: 'success', detail: { name: body.name.trim() } });
    return get(w.actor, id);
  }

  async function update(w: Who, id: number, body: Static<typeof RubricBody>) {
    const row = await writable(w.actor, id);
    if (row.status === 'archived') throw conflict('RUBRIC_ARCHIVED', `量表「${row.name}」已归档，不能修改；如需再用，请「复制为新版本」`);
    const scores = Number(row.score_count ?? 0);
    if (row.status === 'published' && scores > 0) {
      throw conflict('RUBRIC_LOCKED', `量表「${row.name}」已有 ${scores} 条评分，不能再修改（否则已有评分的含义会变）：请「复制为新版本」后修改新版本`);
    }
    const definition = checkDefinition(body.definition);
    await db.updateTable('observation_rubrics').set({
      name: body.name.trim(), description: body.description.trim(), definition: JSON.stringify(definition), updated_at: deps.clock.now().toISOString(),
    }).where('id', '=', id).execute();
    await deps.audit.record({ ...by(w), action: 'rubric.update', targetType: 'observation_rubric', targetId: id, result: 'success', detail: { name: body.name.trim(), status: row.status } });
    return get(w.actor, id);
  }

  async function setStatus(w: Who, id: number, to: 'published' | 'archived') {
    const row = await writable(w.actor, id);
    if (row.status === to) return get(w.actor, id);
    if (row.status === 'archived') throw conflict('RUBRIC_ARCHIVED', `量表「${row.name}」已归档，不能再发布；如需再用，请「复制为新版本」`);
    if (to === 'published') checkDefinition(parseDefinition(row.definition));
    await db.updateTable('observation_rubrics').set({ status: to, updated_at: deps.clock.now().toISOString() }).where('id', '=', id).execute();
    await deps.audit.record({
      ...by(w), action: to === 'published' ? 'rubric.publish' : 'rubric.archive', targetType: 'observation_rubric', targetId: id, result: 'success',
      detail: { from: row.status, to },
    });
    return get(w.actor, id);
  }

  /**
   * A new draft with the same dimensions, items and levels. Copied within its owner (by those who
   * may write it) it is the next version; copied by a reader elsewhere (a county adapting the
   * city's rubric) it becomes that reader's own rubric, version 1.
   */
  async function copy(w: Who, id: number) {
    const writers = writersOf(w.actor);
    if (!writers) throw forbidden();
    const source = await q.findRubric(db, id, readersOf(w.actor), writers);
    if (!source) throw notFound('观察量表');
    const sameOwner = mayWrite(writers, source);
    const owner = sameOwner ? { cityId: source.city_id, countyId: source.county_id } : ownerOf(w.actor);
    let version = 1;
    if (sameOwner) {
      const latest = await db.selectFrom('observation_rubrics').select((e) => e.fn.max('version').as('v'))
        .where('city_id', '=', source.city_id).where('name', '=', source.name)
        .where((eb) => (source.county_id === null ? eb('county_id', 'is', null) : eb('county_id', '=', source.county_id)))
        .executeTakeFirst();
      version = Number(latest?.v ?? source.version) + 1;
    }
    const now = deps.clock.now().toISOString();
    const newId = await q.insertRubric(db, {
      name: source.name, description: source.description, city_id: owner.cityId, county_id: owner.countyId, definition: source.definition,
      status: 'draft', created_by_user_id: w.actor.userId, created_at: now, updated_at: now, version, copied_from_rubric_id: source.id,
    });
    await deps.audit.record({ ...by(w), action: 'rubric.copy', targetType: 'observation_rubric', targetId: newId, result: 'success', detail: { from: source.id, version } });
    return get(w.actor, newId);
  }

  /**
   * For the activities area: refuses a rubric an activity cannot observe on (not published, or
   * outside the actor's reach). Returns its id and name.
   */
  async function assertUsable(actor: Actor, id: number): Promise<{ id: number; name: string }> {
    const row = await q.findRubric(db, id, readersOf(actor), writersOf(actor));
    if (!row) throw notFound('观察量表');
    if (row.status !== 'published') {
      throw conflict('RUBRIC_NOT_PUBLISHED', `量表「${row.name}」${row.status === 'draft' ? '还是草稿' : '已归档'}：教研活动只能选用已发布的量表`);
    }
    return { id: row.id, name: row.name };
  }

  /** The rubric an activity observes on, whatever the reader's own reach (the activity grants it). */
  async function ofActivity(rubricId: number): Promise<{ id: number; name: string; version: number; status: 'draft' | 'published' | 'archived'; definition: Definition }> {
    const row = await q.findRubric(db, rubricId, null, null);
    if (!row) throw notFound('观察量表');
    return { id: row.id, name: row.name, version: row.version, status: row.status, definition: parseDefinition(row.definition) };
  }

  return {
    list, get, create, update, copy, assertUsable, ofActivity,
    publish: (w: Who, id: number) => setStatus(w, id, 'published'),
    archive: (w: Who, id: number) => setStatus(w, id, 'archived'),
  };
}

export type RubricsService = ReturnType<typeof createRubricsService>;
