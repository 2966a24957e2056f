import { Type } from 'typebox';

/** Morning attendance (issue 11): the routes' shapes. */
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const HHMM = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Asia/Shanghai' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const DayStatusSchema = Type.Union([Type.Enum(['present', 'late', 'absent', 'on_leave'] as const), Type.Null()]);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const GateParams = Type.Object({ id: Type.Integer({ minimum: 1 }), gateId: Type.Integer({ minimum: 1 }) });
export const DayQuery = Type.Object({ day: Type.Optional(Day) }, { additionalProperties: false });
export const MonthQuery = Type.Object({ month: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })) }, { additionalProperties: false });

export const MyTodaySchema = Type.Object({
  day: Type.String(),
  items: Type.Array(Type.Object({
    studentId: Type.Integer(), studentNo: Type.String(), label: Type.String(), schoolDay: Type.Boolean(), status: DayStatusSchema,
    arrivedAt: Nullable(Type.String()), leftAt: Nullable(Type.String()),
  })),
});

export const ChildMonthSchema = Type.Object({
  studentId: Type.Integer(), label: Type.String(), month: Type.String(),
  items: Type.Array(Type.Object({ day: Type.String(), schoolDay: Type.Boolean(), status: DayStatusSchema, arrivedAt: Nullable(Type.String()) })),
  counts: Type.Object({ schoolDays: Type.Integer(), present: Type.Integer(), late: Type.Integer(), absent: Type.Integer(), onLeave: Type.Integer() }),
});

export const RollCallSchema = Type.Object({
  classId: Type.Integer(), className: Type.String(), schoolName: Type.String(), day: Type.String(), schoolDay: Type.Boolean(), marked: Type.Boolean(),
  items: Type.Array(Type.Object({
    studentId: Type.Integer(), name: Type.String(), studentNo: Type.String(), status: DayStatusSchema,
    arrivedAt: Nullable(Type.String()), source: Type.Union([Type.Enum(['teacher', 'gate', 'import'] as const), Type.Null()]),
  })),
});

export const MarkBody = Type.Object({
  day: Type.Optional(Day),
  /** Pupils not present; everyone else of the class is marked present. */
  exceptions: Type.Array(Type.Object({
    studentId: Type.Integer({ minimum: 1 }),
    status: Type.Enum(['present', 'late', 'absent'] as const),
    arrivedAt: Type.Optional(HHMM),
  }, { additionalProperties: false }), { maxItems: 200 }),
}, { additionalProperties: false });

export const MarkedSchema = Type.Object({
  classId: Type.Integer(), day: Type.String(), present: Type.Integer(), late: Type.Integer(), absent: Type.Integer(), onLeave: Type.Integer(),
});

export const MyClassesSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), schoolId: Type.Integer(), schoolName: Type.String() })),
  /** Schools whose times and gates the actor sets (a principal's). */
  ledSchoolIds: Type.Array(Type.Integer()),
});

export const SettingsBody = Type.Object({ alertAt: HHMM, lateAfter: HHMM }, { additionalProperties: false });
export const SettingsSchema = Type.Object({ schoolId: Type.Integer(), alertAt: Type.String(), lateAfter: Type.String(), updatedAt: Nullable(Type.String()) });

export const FiguresQuery = Type.Object({
  from: Day, to: Day, by: Type.Optional(Type.Enum(['day', 'week'] as const)), schoolId: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });

export const FiguresSchema = Type.Object({
  from: Type.String(), to: Type.String(), by: Type.String(),
  items: Type.Array(Type.Object({
    schoolId: Type.Integer(), schoolCode: Type.String(), schoolName: Type.String(), pupils: Type.Integer(),
    periods: Type.Array(Type.Object({
      start: Type.String(), schoolDays: Type.Integer(), expected: Type.Integer(), arrived: Type.Integer(), late: Type.Integer(),
      absent: Type.Integer(), onLeave: Type.Integer(), rate: Type.Union([Type.Number(), Type.Null()]),
    })),
  })),
});

const GateSchema = Type.Object({ id: Type.Integer(), name: Type.String(), tokenHint: Type.String(), createdAt: Type.String(), revokedAt: Nullable(Type.String()) });
export const GatesSchema = Type.Object({ items: Type.Array(GateSchema) });
export const GateBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export const GateCreatedSchema = Type.Object({ gate: GateSchema, token: Type.String() });
export const RevokedSchema = Type.Object({ revoked: Type.Boolean() });

export const CheckInBody = Type.Object({
  studentNo: Type.String({ minLength: 1, maxLength: 40 }),
  direction: Type.Enum(['in', 'out'] as const),
  /** When the child passed (ISO 8601); default: when the platform receives it. */
  at: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
}, { additionalProperties: false });
export const CheckInSchema = Type.Object({ studentNo: Type.String(), day: Type.String(), counted: Type.Boolean(), status: Type.Union([Type.String(), Type.Null()]) });

export const ImportedSchema = Type.Object({ imported: Type.Integer(), arrivals: Type.Integer() });
