import type { FastifySchemaValidationError } from 'fastify';
import { badRequest, type AppError } from './errors.js';
import { TEXT_KEYWORD } from './request-schemas.js';

const FIELD_NAMES: Record<string, string> = {
  username: '用户名', password: '密码', name: '名称', phone: '手机号', page: '页码', pageSize: '每页条数',
};

const TYPE_NAMES: Record<string, string> = {
  string: '文本', integer: '整数', number: '数字', boolean: '是或否（true/false）', object: 'JSON 对象', array: '列表', null: 'null',
};

/**
 * The 400 answer for a request its schema refuses, naming the field as a JSON pointer (`/name`,
 * `/isAdmin`, `/items/0/schoolId`) with a code per kind of mistake; or 'not-found' for a path id
 * no row can have, which the caller answers like any unknown id.
 */
export function validationAnswer(errors: FastifySchemaValidationError[], part: string | undefined): AppError | 'not-found' {
  const e = errors[0]!;
  const params = (e.params ?? {}) as Record<string, unknown>;
  const path = e.instancePath ?? '';
  const field = typeof params.additionalProperty === 'string' ? `${path}/${params.additionalProperty}`
    : typeof params.missingProperty === 'string' ? `${path}/${params.missingProperty}` : path;
  const name = field.split('/').pop() ?? '';
  const label = FIELD_NAMES[name] ? `${FIELD_NAMES[name]}（${field}）` : field;
  const where = part ?? 'body';
  const rule = e.keyword;

  if (where === 'params' && (rule === 'minimum' || rule === 'maximum')) return 'not-found';
  if (where === 'body' && path === '' && rule === 'type') {
    return badRequest('BODY_REQUIRED', '请求内容必须是一个 JSON 对象（不能为空或 null）', { field, in: where, rule });
  }
  if (rule === 'additionalProperties') {
    return badRequest('FIELD_NOT_ALLOWED', `请求中不能含有字段 ${label}，请去掉后重试`, { field, in: where, rule });
  }
  if (rule === TEXT_KEYWORD) {
    return params.problem === 'control'
      ? badRequest('TEXT_CONTROL_CHARS', `${label} 含有不可见的控制字符（如 NUL），请删去后重试`, { field, in: where, rule })
      : badRequest('TEXT_BLANK', `${label} 不能只有空格，请填写内容`, { field, in: where, rule });
  }
  if (rule === 'format' && params.format === 'date') {
    const data = (e as { data?: unknown }).data;
    const day = typeof data === 'string' ? `「${data.slice(0, 20)}」` : '';
    return badRequest('DATE_INVALID', `${label}${day} 不是存在的日期，请按 YYYY-MM-DD 填写真实日期`, { field, in: where, rule });
  }
  // Only what the caller needs to fix the request: not the schema, not the value sent.
  const problems = errors.map(({ instancePath, keyword, params: p, message }) => ({ instancePath, keyword, params: p, message }));
  return badRequest('VALIDATION_FAILED', `请求参数不正确：${label || '请求'}${reason(rule, params)}`, { field, in: where, rule, errors: problems });
}

function reason(rule: string, params: Record<string, unknown>): string {
  switch (rule) {
    case 'type': return `应为${String(params.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join('或')}`;
    case 'required': return ' 为必填项';
    case 'minimum': case 'exclusiveMinimum': return ` 不能小于 ${String(params.limit)}`;
    case 'maximum': case 'exclusiveMaximum': return ` 不能大于 ${String(params.limit)}`;
    case 'minLength': return ` 至少 ${String(params.limit)} 个字符`;
    case 'maxLength': return ` 最多 ${String(params.limit)} 个字符`;
    case 'minItems': return ` 至少 ${String(params.limit)} 项`;
    case 'maxItems': return ` 最多 ${String(params.limit)} 项`;
    case 'enum': case 'const': return ' 不是可选的值之一';
    case 'pattern': case 'format': return ' 格式不正确';
    default: return ' 不符合要求';
  }
}
