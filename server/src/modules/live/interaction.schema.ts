import { type TSchema, Type } from 'typebox';

/** 互动教学 interaction: the channel's messages (both ways), its query, and the record routes' shapes. */

export const SessionParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ChannelQuery = Type.Object({ roomId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export const RecordQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])) }, { additionalProperties: false });

export const QUESTION_MAX = 500;
export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 6;

const Kind = <K extends string, P extends Record<string, TSchema>>(type: K, props: P) =>
  Type.Object({ type: Type.Literal(type), ...props }, { additionalProperties: false });
const Id = Type.Integer({ minimum: 1 });

/** What a browser may send, per message type; who may send which is the service's rule. */
export const CLIENT_MESSAGES = {
  'hand.raise': Kind('hand.raise', {}),
  'hand.lower': Kind('hand.lower', {}),
  question: Kind('question', { text: Type.String({ minLength: 1, maxLength: QUESTION_MAX }) }),
  'poll.answer': Kind('poll.answer', { pollId: Id, option: Type.Integer({ minimum: 0, maximum: POLL_OPTIONS_MAX - 1 }) }),
  'hand.call': Kind('hand.call', { roomId: Id }),
  'hand.dismiss': Kind('hand.dismiss', {}),
  'poll.open': Kind('poll.open', {
    question: Type.String({ minLength: 1, maxLength: 200 }),
    options: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: POLL_OPTIONS_MIN, maxItems: POLL_OPTIONS_MAX }),
  }),
  'poll.close': Kind('poll.close', { pollId: Id }),
} as const;

export type ClientMessageType = keyof typeof CLIENT_MESSAGES;
