import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN, type Messages } from './zh-CN';

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

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

// Chinese, the default, ships in the entry chunk; English is its own chunk, fetched when chosen
// (it grew past what the login page's budget could carry twice).
void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

/** Makes a language's texts available (English is fetched once) and switches to it. */
export async function switchLanguage(language: Language): Promise<void> {
  if (language === 'en' && !i18next.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en');
    i18next.addResourceBundle('en', 'translation', en);
  }
  await i18next.changeLanguage(language);
}

export { i18next };
