import { useTranslation } from 'react-i18next';

/** `t` for keys known only at run time (a registry's titleKey): any string key, a string back. */
export function useText(): (key: string, values?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return t as unknown as (key: string, values?: Record<string, unknown>) => string;
}
