import { type TSchema, Type } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = () => Type.Integer({ minimum: 1 });

export const ResourceParams = Type.Object({ id: Id() }, { additionalProperties: false });
export const CoursewareFileParams = Type.Object({ id: Id(), fileId: Id() }, { additionalProperties: false });

/** none (an image) · pending · done · failed · waiting_package (LibreOffice not installed) */
export const CONVERSIONS = ['none', 'pending', 'done', 'failed', 'waiting_package'] as const;

export const CoursewareFileSchema = Type.Object({
  id: Type.Integer(),
  resourceId: Type.Integer(),
  name: Type.String(),
  mime: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  pages: Nullable(Type.Integer()),
  conversion: Type.Enum(CONVERSIONS),
  conversionMessage: Nullable(Type.String()),
  hasPdf: Type.Boolean(),
  hasThumbnail: Type.Boolean(),
  createdAt: Type.String(),
  canDelete: Type.Boolean(),
});
/** `canUpload`: the caller may upload and delete here (the publisher, a principal of its school). */
export const CoursewareListSchema = Type.Object({ items: Type.Array(CoursewareFileSchema), canUpload: Type.Boolean() });
