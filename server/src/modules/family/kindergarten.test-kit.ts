import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { classOfParent } from './family.test-kit.js';

/** Builders for the kindergarten tests and the matrix fixture: the seeded kindergarten's classes and children. */
type Db = Kysely<Database>;

/** A tiny PNG's first bytes (the signature is what the upload checks). */
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** A multipart body with the field `file`, as a phone's form sends it. */
export function photoPart(filename: string, data: Buffer): { headers: Record<string, string>; body: Buffer } {
  const boundary = '----sunshine-kindergarten';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

/**
 * The seeded kindergarten's anchors: class A (gxyey.parent's child, gxyey.teacher heads it), class B
 * (gxyey.parent2's child) and a child of 莘县's first kindergarten (another county).
 */
export async function kindergartenAnchors(db: Db) {
  const a = await classOfParent(db, 'gxyey.parent');
  const b = await classOfParent(db, 'gxyey.parent2');
  const sx = await db.selectFrom('students').innerJoin('schools', 'schools.id', 'students.school_id')
    .select(['students.id', 'students.class_id']).where('schools.kind', '=', 'kindergarten').where('schools.id', '<>', a.schoolId)
    .orderBy('students.id').executeTakeFirstOrThrow();
  return { classA: a.classId, childA: a.studentId, classB: b.classId, childB: b.studentId, foreignClass: sx.class_id, foreignChild: sx.id, schoolId: a.schoolId };
}
