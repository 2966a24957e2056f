import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, UploadTable } from '../../db/schema.js';

type DB = Kysely<Database>;

export async function insertUpload(db: DB, row: Insertable<UploadTable>): Promise<void> {
  await db.insertInto('uploads').values(row).execute();
}

export async function findUpload(db: DB, id: string) {
  return db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
}

export type UploadRow = NonNullable<Awaited<ReturnType<typeof findUpload>>>;

export async function updateUpload(db: DB, id: string, patch: Updateable<UploadTable>): Promise<void> {
  await db.updateTable('uploads').set(patch).where('id', '=', id).execute();
}

/** Unfinished uploads whose time ran out, oldest first. */
export async function expiredUploads(db: DB, now: string, limit: number) {
  return db.selectFrom('uploads').select(['id']).where('status', '=', 'uploading').where('expires_at', '<', now)
    .orderBy('expires_at').limit(limit).execute();
}

/** Unfinished uploads: some may hold all their bytes (a crash between the last byte and the recording). */
export async function unfinishedUploads(db: DB, limit: number) {
  return db.selectFrom('uploads').select(['id', 'size']).where('status', '=', 'uploading')
    .orderBy('updated_at').limit(limit).execute();
}

/** The room an upload names: its school and the tracks it produces. */
export async function roomForUpload(db: DB, roomId: number) {
  return db.selectFrom('rooms').select(['id', 'school_id', 'tracks']).where('id', '=', roomId).executeTakeFirst();
}

export async function classOfSchool(db: DB, classId: number, schoolId: number): Promise<boolean> {
  const row = await db.selectFrom('classes').select('id').where('id', '=', classId).where('school_id', '=', schoolId).executeTakeFirst();
  return Boolean(row);
}
