import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale';

/** One button switching between Chinese and English, labelled with the language it switches to. */
export function LanguageToggle({ dark = false }: { dark?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLocale();
  const other = language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLanguage(other)}
      aria-label={t('lang.label')}
      style={dark ? { color: '#fff' } : undefined}
      data-testid="language-toggle"
    >
      {t(`lang.${other}`)}
    </Button>
  );
}
