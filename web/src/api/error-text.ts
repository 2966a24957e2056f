import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client';
import { formatInstant } from '../app/time';

/**
 * What to tell the user about a failed request: our translation of the server's code when we
 * have one (so English users read English), else the server's own Chinese message.
 */
export function errorText(t: TFunction, i18n: { exists: (key: string) => boolean }, error: unknown): string {
  const translate = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  if (error instanceof ApiError) {
    const fallback = error.message || translate(error.status >= 500 ? 'errors.SERVER' : 'common.loadFailed');
    return textOr(t, i18n, `errors.${error.code}`, fallback, interpolationValues(error.details));
  }
  return translate('errors.NETWORK');
}

/**
 * Our text for a server code (`errors.X`, `countsReasons.X`) where the current language has one —
 * English does; Chinese mostly not — else the server's own (Chinese) words, which may name details.
 */
export function textOr(
  t: TFunction, i18n: { exists: (key: string) => boolean }, key: string, serverText: string, values?: Record<string, unknown>,
): string {
  return i18n.exists(key) ? (t as unknown as (key: string, values?: Record<string, unknown>) => string)(key, values) : serverText;
}

function interpolationValues(details: unknown): Record<string, unknown> {
  if (!details || typeof details !== 'object') return {};
  const values: Record<string, unknown> = { ...(details as Record<string, unknown>) };
  if (typeof values.lockedUntil === 'string') values.lockedUntil = formatInstant(values.lockedUntil);
  return values;
}

/** `errorText` bound to the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => errorText(t, i18n, error);
}
