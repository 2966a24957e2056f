import { Type } from 'typebox';

/** Leave requests (请假): the routes' shapes. */
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Status = Type.Enum(['pending', 'approved', 'declined', 'withdrawn'] as const);

export const LeaveBody = Type.Object({
  from: Day, to: Day,
  part: Type.Enum(['whole', 'am', 'pm'] as const),
  reason: Type.Enum(['sick', 'personal'] as const),
  note: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

export const DecisionBody = Type.Object({ decision: Type.Enum(['approved', 'declined'] as const) }, { additionalProperties: false });
export const LeaveQuery = Type.Object({ status: Type.Optional(Status) }, { additionalProperties: false });

export const LeaveSchema = Type.Object({
  id: Type.Integer(), studentId: Type.Integer(), studentNo: Type.String(), classId: Type.Integer(), label: Type.String(), from: Type.String(), to: Type.String(),
  part: Type.Enum(['whole', 'am', 'pm'] as const), reason: Type.Enum(['sick', 'personal'] as const), note: Type.String(), status: Status, requestedAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
});
export const LeavesSchema = Type.Object({ items: Type.Array(LeaveSchema) });
