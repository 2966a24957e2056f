import type { TFunction } from 'i18next';
import type { AuditEntry } from '@shared/api-types';
import { formatInstant } from '../../../app/time';

type Translate = (key: string, options?: Record<string, unknown>) => string;
const translate = (t: TFunction) => t as unknown as Translate;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A logged field's name in the reader's language; the key itself when the dictionary has none. */
export function fieldLabel(t: TFunction, exists: (key: string) => boolean, key: string): string {
  return exists(`auditLabels.fields.${key}`) ? translate(t)(`auditLabels.fields.${key}`) : key;
}

/** A logged value as a person reads it: instants in Beijing time, yes/no, lists joined, field names translated in `changed`. */
function valueText(t: TFunction, exists: (key: string) => boolean, key: string, value: unknown): string {
  const tr = translate(t);
  if (value === null || value === undefined || value === '') return tr('auditLabels.none');
  if (typeof value === 'boolean') return tr(value ? 'auditLabels.yes' : 'auditLabels.no');
  if (typeof value === 'string') return INSTANT.test(value) ? formatInstant(value, 'YYYY-MM-DD HH:mm:ss') : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value.map((v) => (key === 'changed' && typeof v === 'string' ? fieldLabel(t, exists, v) : valueText(t, exists, '', v))).join('、');
  }
  if (typeof value === 'object') return `{ ${detailText(t, exists, value as Record<string, unknown>)} }`;
  return String(value);
}

/** The event's facts on one line, in words: "修改的字段: 联系人; 行数: 12". */
export function detailText(t: TFunction, exists: (key: string) => boolean, detail: AuditEntry['detail'] | null | undefined): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${fieldLabel(t, exists, key)}: ${valueText(t, exists, key, value)}`)
    .join('; ');
}

/** "学校：冠县实验小学", or "录像（编号 3916）" when the target has no name (gone, or a kind without names). */
export function targetText(t: TFunction, exists: (key: string) => boolean, entry: AuditEntry): string {
  if (!entry.targetType) return '—';
  const tr = translate(t);
  const type = exists(`auditLabels.targetTypes.${entry.targetType}`) ? tr(`auditLabels.targetTypes.${entry.targetType}`) : entry.targetType;
  if (entry.targetName) return `${type}：${entry.targetName}`;
  return entry.targetId ? tr('auditLabels.targetWithId', { type, id: entry.targetId }) : type;
}
