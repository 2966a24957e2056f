import type { TFunction } from 'i18next';
import { zhCN } from '../../../i18n/zh-CN';

const translate = (t: TFunction, key: string) => (t as unknown as (key: string) => string)(key);

/** Every action code the dictionary names, with its group wildcard first (`auth.*`, `auth.login`, …). */
export function knownActions(): string[] {
  // A group may nest one level more (calendar.exception.save): its leaves are the actions.
  const leaves = (prefix: string, names: object): string[] =>
    Object.entries(names).flatMap(([key, value]) =>
      key === '_all' ? [] : typeof value === 'string' ? [`${prefix}.${key}`] : leaves(`${prefix}.${key}`, value as object));
  return Object.entries(zhCN.auditActions).flatMap(([group, actions]) => [`${group}.*`, ...leaves(group, actions)]);
}

/** "登录" for auth.login, "全部登录类操作" for auth.*; the code itself for an action we have no name for. */
export function actionLabel(t: TFunction, exists: (key: string) => boolean, action: string): string {
  const key = `auditActions.${action.endsWith('.*') ? `${action.slice(0, -2)}._all` : action}`;
  return exists(key) ? translate(t, key) : action;
}
