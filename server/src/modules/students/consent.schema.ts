import { Type } from 'typebox';
import { CONSENT_LEVELS, RESOURCE_SCOPES } from '../../../../shared/resources.js';

/** Guardians' consent for a child appearing in published video (肖像使用同意): the routes' shapes. */
export const ConsentLevelSchema = Type.Enum(CONSENT_LEVELS);

export const ChildConsentSchema = Type.Object({
  studentId: Type.Integer(),
  name: Type.String(),
  studentNo: Type.String(),
  schoolId: Type.Integer(),
  classId: Type.Integer(),
  className: Type.String(),
  level: ConsentLevelSchema,
  /** When the level was last set; null: never set (the default, internal, holds). */
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});

export const MyConsentsSchema = Type.Object({ items: Type.Array(ChildConsentSchema) });

export const ClassConsentsSchema = Type.Object({
  classId: Type.Integer(),
  className: Type.String(),
  schoolId: Type.Integer(),
  /** The least consent among the class's pupils; null for a class without pupils. */
  least: Type.Union([ConsentLevelSchema, Type.Null()]),
  /** The widest scope the class's lessons may be published to. */
  cap: Type.Enum(RESOURCE_SCOPES),
  counts: Type.Object({ internal: Type.Integer(), county: Type.Integer(), city: Type.Integer(), public: Type.Integer() }),
  items: Type.Array(ChildConsentSchema),
});

export const ConsentChangeSchema = Type.Object({
  id: Type.Integer(),
  fromLevel: ConsentLevelSchema,
  toLevel: ConsentLevelSchema,
  byName: Type.String(),
  /** guardian: set by a guardian in the platform; school: a paper form the school recorded. */
  source: Type.Enum(['guardian', 'school'] as const),
  at: Type.String(),
});

export const ConsentHistorySchema = Type.Object({
  studentId: Type.Integer(),
  level: ConsentLevelSchema,
  items: Type.Array(ConsentChangeSchema),
});

export const SetConsentBody = Type.Object({ level: ConsentLevelSchema }, { additionalProperties: false });

export const ConsentSavedSchema = Type.Object({
  studentId: Type.Integer(),
  level: ConsentLevelSchema,
  previous: ConsentLevelSchema,
  /** False when the child already held this level (nothing written). */
  changed: Type.Boolean(),
  /** Published lessons of the child's class whose scope was narrowed at once. */
  resourcesNarrowed: Type.Integer(),
});

export const ConsentIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
