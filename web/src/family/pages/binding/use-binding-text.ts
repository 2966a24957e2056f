import { useFamilyT } from '../../family-text';
import type { familyZhCN } from '../../i18n/zh-CN';

/**
 * The binding pages' texts (`binding.*` of the family app's dictionary). The keys are checked
 * against the family dictionary's own type here, not the staff app's typed `t`.
 */

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type BindingTextKey = Leaves<(typeof familyZhCN)['binding']>;

export function useBindingText(): (key: BindingTextKey, values?: Record<string, unknown>) => string {
  const translate = useFamilyT();
  return (key, values) => translate(`binding.${key}`, values);
}
