import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import { resourceFileKey } from '../../storage/keys.js';
import type { TestApp } from '../../test-support/test-app.js';
import { resourcesOf } from './resources-fixture.js';
import { addResource } from './resources.test-kit.js';

/**
 * Courseware the matrix acts on. Per target: `file`, a converted PDF (with its thumbnail) on the
 * target's county-wide resource; `doomedFile`, one more there for the delete entry; and
 * `publicFile` on a public resource of the target school (the /api/public routes).
 */
export interface CoursewareFixture {
  file: Record<Target, number>;
  doomedFile: Record<Target, number>;
  publicResource: Record<Target, number>;
  publicFile: Record<Target, number>;
}

export const MATRIX_COURSEWARE_PDF = Buffer.from('%PDF-1.4\n% 矩阵课件\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function addCoursewareToFixture(t: TestApp, f: MatrixFixture): Promise<CoursewareFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const out: CoursewareFixture = { file: {} as Record<Target, number>, doomedFile: {} as Record<Target, number>, publicResource: {} as Record<Target, number>, publicFile: {} as Record<Target, number> };
  const addFile = async (resourceId: number, uploader: number, token: string) => {
    const key = resourceFileKey(resourceId, token, 'pdf');
    const thumb = resourceFileKey(resourceId, `${token}-thumb`, 'png');
    await t.storage.putStream(key, Readable.from([MATRIX_COURSEWARE_PDF]), 'application/pdf');
    await t.storage.putStream(thumb, Readable.from([PNG]), 'image/png');
    const row = await db.insertInto('resource_files').values({
      resource_id: resourceId, name: '矩阵课件.pdf', mime: 'application/pdf', size_bytes: MATRIX_COURSEWARE_PDF.length,
      sha256: createHash('sha256').update(MATRIX_COURSEWARE_PDF).digest('hex'), storage_key: key, pdf_key: key, thumb_key: thumb, pages: 1,
      conversion: 'done', conversion_error: null, body_text: '矩阵课件', created_by_user_id: uploader, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const { resource } = resourcesOf(f);
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    out.file[target] = await addFile(resource[target], f.person[target], `matrix${target}`);
    out.doomedFile[target] = await addFile(resource[target], f.person[target], `matrixdoomed${target}`);
    out.publicResource[target] = await addResource(db, {
      schoolId: f.school[target], publisherUserId: f.person[target], title: `矩阵公开-${target}`, requestedScope: 'public', reviewStage: 'done',
    });
    out.publicFile[target] = await addFile(out.publicResource[target], f.person[target], `matrixpublic${target}`);
  }
  Object.assign(f, { courseware: out });
  return out;
}

export function coursewareOf(f: MatrixFixture): CoursewareFixture {
  const c = (f as MatrixFixture & { courseware?: CoursewareFixture }).courseware;
  if (!c) throw new Error('the matrix fixture has no courseware: call addCoursewareToFixture(t, f) in buildMatrixFixture');
  return c;
}
