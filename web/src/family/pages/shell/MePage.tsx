import { useState } from 'react';
import { Button, List, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Language } from '../../../i18n/stored-language';
import { switchFamilyLanguage } from '../../i18n/family-i18n';
import { useFamilyMe, useFamilySession } from '../../family-session';

/** 我的: who is signed in, the language (中文 / English), binding another child, logout. */
export default function MePage() {
  const { t, i18n } = useTranslation();
  const me = useFamilyMe();
  const { signOut } = useFamilySession();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
  const staffToo = me.assignments.some((a) => a.role !== 'parent');
  const language = (i18n.language === 'en' ? 'en' : 'zh-CN') as Language;

  async function logout() {
    setLeaving(true);
    await signOut();
    navigate('/login', { replace: true });
  }

  return (
    <div className="family-page">
      <header className="family-hello">
        <h1>{t('shell.me.title')}</h1>
      </header>
      <List mode="card">
        <List.Item extra={me.username} description={t('shell.me.account')}>{me.name}</List.Item>
      </List>
      <List mode="card" header={t('shell.me.language')}>
        <List.Item>
          <Selector
            data-testid="language-switch"
            columns={2}
            value={[language]}
            onChange={(value) => { if (value[0]) void switchFamilyLanguage(value[0]); }}
            options={[{ label: t('shell.me.chinese'), value: 'zh-CN' as Language }, { label: t('shell.me.english'), value: 'en' as Language }]}
          />
        </List.Item>
      </List>
      <List mode="card">
        <List.Item clickable onClick={() => navigate('/bind')} arrowIcon>{t('shell.me.bindMore')}</List.Item>
        <List.Item clickable onClick={() => navigate('/consent')} arrowIcon>{t('childConsent.title')}</List.Item>
        {staffToo ? <List.Item><a href="/">{t('shell.me.staffApp')}</a></List.Item> : null}
      </List>
      <div className="family-logout">
        <Button block color="danger" fill="outline" loading={leaving} onClick={() => void logout()} data-testid="logout">
          {t('shell.me.logout')}
        </Button>
      </div>
      <p className="family-footnote"><Link to="/">{t('shell.backHome')}</Link></p>
    </div>
  );
}
