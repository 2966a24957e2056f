import type { Kysely, Selectable } from 'kysely';
import { resourceInScope, publicResource } from '../../access/scope-sql.js';
import type { ResourceReach } from '../../access/actor.js';
import type { Database } from '../../db/schema.js';
import type { ResourceFileTable } from '../../db/schema/resources.js';

type Db = Kysely<Database>;
export type ResourceFileRow = Selectable<ResourceFileTable>;
export type Conversion = ResourceFileRow['conversion'];

/** The resource, when `reach` reaches it (null: public only), with what upload rights need. */
export async function reachableResource(db: Db, reach: ResourceReach | null, resourceId: number) {
  return db.selectFrom('resources')
    .select(['id', 'title', 'school_id', 'county_id', 'city_id', 'publisher_user_id', 'visible_scope'])
    .where('id', '=', resourceId)
    .where(reach ? resourceInScope(reach) : publicResource())
    .executeTakeFirst();
}

export function filesOf(db: Db, resourceId: number): Promise<ResourceFileRow[]> {
  return db.selectFrom('resource_files').selectAll().where('resource_id', '=', resourceId).orderBy('id').execute();
}

export function fileById(db: Db, fileId: number): Promise<ResourceFileRow | undefined> {
  return db.selectFrom('resource_files').selectAll().where('id', '=', fileId).executeTakeFirst();
}

export function fileOf(db: Db, resourceId: number, fileId: number): Promise<ResourceFileRow | undefined> {
  return db.selectFrom('resource_files').selectAll().where('id', '=', fileId).where('resource_id', '=', resourceId).executeTakeFirst();
}

export async function insertFile(db: Db, row: Omit<ResourceFileRow, 'id'>): Promise<number> {
  return (await db.insertInto('resource_files').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function deleteFile(db: Db, fileId: number): Promise<void> {
  await db.deleteFrom('resource_files').where('id', '=', fileId).execute();
}

/** Records the PDF made from an office file; the next steps read it from there. */
export async function setPdfKey(db: Db, fileId: number, pdfKey: string): Promise<void> {
  await db.updateTable('resource_files').set({ pdf_key: pdfKey }).where('id', '=', fileId).execute();
}

/** The conversion's last step: text, pages and thumbnail at once, so a reader sees all or nothing. */
export async function finishConversion(db: Db, fileId: number, done: { bodyText: string; pages: number; thumbKey: string | null }): Promise<void> {
  await db.updateTable('resource_files')
    .set({ body_text: done.bodyText, pages: done.pages, thumb_key: done.thumbKey, conversion: 'done', conversion_error: null })
    .where('id', '=', fileId).execute();
}

export async function setConversion(db: Db, fileId: number, conversion: Conversion, error: string | null = null): Promise<void> {
  await db.updateTable('resource_files').set({ conversion, conversion_error: error }).where('id', '=', fileId).execute();
}

/** Files whose conversion is to run: waiting for LibreOffice, or pending (a job may be lost). */
export function filesAwaiting(db: Db, states: Conversion[]): Promise<{ id: number; conversion: Conversion }[]> {
  return db.selectFrom('resource_files').select(['id', 'conversion']).where('conversion', 'in', states).orderBy('id').execute();
}
