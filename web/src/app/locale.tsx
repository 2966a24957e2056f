import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import antdEnUS from 'antd/es/locale/en_US';
import antdZhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { i18next, storeLanguage, switchLanguage, type Language } from '../i18n/i18n';
import { theme } from './theme';

const ANTD_LOCALES = { 'zh-CN': antdZhCN, en: antdEnUS } as const;
const DAYJS_LOCALES = { 'zh-CN': 'zh-cn', en: 'en' } as const;

interface LocaleValue {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LocaleContext = createContext<LocaleValue | null>(null);

/**
 * Keeps i18next, antd's component texts, dayjs's date names and <html lang> on one language,
 * and remembers the choice on this browser.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(i18next.language === 'en' ? 'en' : 'zh-CN');

  useEffect(() => {
    dayjs.locale(DAYJS_LOCALES[language]);
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    // The texts first (English is fetched the first time), then antd, dayjs and <html lang> follow.
    void switchLanguage(next).then(() => {
      dayjs.locale(DAYJS_LOCALES[next]);
      setLanguageState(next);
    });
  }, []);

  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[language]} theme={theme}>
        {children}
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}
