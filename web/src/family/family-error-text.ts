import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** What to tell a parent about a failed request: our words for the codes we know, else the server's (Chinese) message. */
export function familyErrorText(t: TFunction, exists: (key: string) => boolean, error: unknown): string {
  const translate = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  if (error instanceof ApiError) {
    const key = `shell.errors.${error.code}`;
    if (exists(key)) return translate(key);
    if (error.status >= 500) return translate('shell.errors.SERVER');
    return error.message ? translate('shell.errors.unknown', { message: error.message }) : translate('shell.loadFailed');
  }
  return translate('shell.errors.NETWORK');
}
