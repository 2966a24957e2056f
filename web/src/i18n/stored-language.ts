/**
 * The language choice of this browser, shared by the staff app and the family app (阳光少年) so a
 * person who picks English in one finds it in the other. Kept apart from i18n.ts: the family app
 * must not load the staff app's dictionary.
 */

/** Languages the UI offers; Chinese is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'sunshine.lang';

/** The language chosen last time on this browser, else Chinese. */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Remembers the chosen language (localStorage may be unavailable in private modes). */
export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; the choice still holds for this visit.
  }
}
