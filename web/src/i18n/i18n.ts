import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { FamilyMessages } from '../family/i18n/zh-CN';
import type { Language } from './stored-language';
import { zhCN, type Messages } from './zh-CN';

export { LANGUAGES, type Language, storedLanguage, storeLanguage } from './stored-language';

// The family app (web/src/family) runs its own i18next instance with its own dictionary under the
// same default namespace; its pages call the same useTranslation, so the keys of both type-check.
// Top-level keys do not collide (the family areas' keys are theirs: shell, notices, binding…).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages & FamilyMessages };
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
