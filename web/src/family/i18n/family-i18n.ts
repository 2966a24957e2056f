import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, storedLanguage, storeLanguage } from '../../i18n/stored-language';
import { familyZhCN } from './zh-CN';

/**
 * The family app's own i18next instance (the staff app's dictionary never ships to parents'
 * phones). Chinese is in the first load; English is a chunk fetched when chosen. The choice is
 * remembered where the staff app keeps it (stored-language.ts).
 */
export const familyI18n = createInstance();

void familyI18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: familyZhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

/** Loads a language's texts when needed, switches to it, remembers it and sets <html lang>. */
export async function switchFamilyLanguage(language: Language): Promise<void> {
  if (language === 'en' && !familyI18n.hasResourceBundle('en', 'translation')) {
    const { familyEn } = await import('./en');
    familyI18n.addResourceBundle('en', 'translation', familyEn);
  }
  await familyI18n.changeLanguage(language);
  storeLanguage(language);
  document.documentElement.lang = language;
}

export { storedLanguage };
