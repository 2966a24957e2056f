import type { ErrorObject, ValidateFunction } from 'ajv';
import { hardenRequestSchema } from '../../http/request-schemas.js';
import { requestAjv } from '../../http/validators.js';
import type { LiveClientMessage } from '../../../../shared/live-interaction.js';
import { CLIENT_MESSAGES, type ClientMessageType } from './interaction.schema.js';

/** Why a message was refused: a stable code, the field at fault (null: the message as a whole), a message in Chinese. */
export interface MessageProblem { code: string; field: string | null; message: string }

export type ParsedMessage = { ok: true; message: LiveClientMessage } | { ok: false; problem: MessageProblem };

/**
 * Validates what a browser sends on the channel as strictly as a JSON body (the same Ajv, the
 * same text rules): first the `type`, then that type's own schema, so the error names the field.
 */
export function createMessageParser() {
  const ajv = requestAjv('body');
  const validators = new Map<string, ValidateFunction>(
    Object.entries(CLIENT_MESSAGES).map(([type, schema]) => [type, ajv.compile(hardenRequestSchema(schema, 'body') as object)]),
  );
  return function parse(raw: string): ParsedMessage {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return { ok: false, problem: { code: 'LIVE_MESSAGE_NOT_JSON', field: null, message: '消息不是有效的 JSON' } };
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, problem: { code: 'LIVE_MESSAGE_INVALID', field: null, message: '消息必须是一个 JSON 对象' } };
    }
    const type = (data as { type?: unknown }).type;
    const validate = typeof type === 'string' ? validators.get(type) : undefined;
    if (!validate) {
      return { ok: false, problem: { code: 'LIVE_MESSAGE_INVALID', field: 'type', message: `未知的消息类型：type 应为 ${Object.keys(CLIENT_MESSAGES).join('、')} 之一` } };
    }
    if (!validate(data)) return { ok: false, problem: problemOf(validate.errors?.[0]) };
    return { ok: true, message: data as LiveClientMessage };
  };
}

function problemOf(err: ErrorObject | undefined): MessageProblem {
  if (!err) return { code: 'LIVE_MESSAGE_INVALID', field: null, message: '消息格式不正确' };
  const path = err.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const params = err.params as { missingProperty?: string; additionalProperty?: string };
  const field = params.missingProperty ?? params.additionalProperty ?? (path || null);
  const why = params.missingProperty ? '缺少该字段'
    : params.additionalProperty ? '不允许该字段'
    : err.message ?? '取值不正确';
  return { code: 'LIVE_MESSAGE_INVALID', field, message: `字段 ${field ?? '（消息）'} 不正确：${why}` };
}

export function isMessageType(type: string): type is ClientMessageType {
  return type in CLIENT_MESSAGES;
}
