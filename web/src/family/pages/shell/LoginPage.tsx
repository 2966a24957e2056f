import { useState } from 'react';
import { Button, Form, Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { MeView } from '@shared/domain';
import { login } from '../../../features/auth/api/auth.api';
import { familyErrorText } from '../../family-error-text';
import { isParent, useFamilySession } from '../../family-session';
import { switchFamilyLanguage } from '../../i18n/family-i18n';

interface Credentials {
  username: string;
  password: string;
}

/** `next` if it is a path inside the family app, else its home. */
function safeFamilyNext(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/login')) return '/';
  return raw;
}

/** 家长登录: the family app's own sign-in, phone-sized. A staff account is sent on to the staff app. */
export default function LoginPage() {
  const { t, i18n } = useTranslation();
  const { me, signedIn } = useFamilySession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeFamilyNext(params.get('next'));

  if (me && isParent(me)) return <Navigate to={next} replace />;

  async function onFinish(values: Credentials) {
    setSubmitting(true);
    setError(null);
    try {
      const person: MeView = await login(values.username.trim(), values.password);
      if (!isParent(person)) {
        window.location.assign('/');
        return;
      }
      signedIn(person);
      navigate(next, { replace: true });
    } catch (reason) {
      setError(reason);
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  }

  const english = i18n.language === 'en';
  return (
    <div className="family-login">
      <div className="family-login-lang">
        <button type="button" className="family-link-button" onClick={() => void switchFamilyLanguage(english ? 'zh-CN' : 'en')}>
          {english ? t('shell.me.chinese') : t('shell.me.english')}
        </button>
      </div>
      <header className="family-login-brand">
        <img src="/family-icons/icon-192.png" alt="" width={64} height={64} />
        <h1>{t('shell.appName')}</h1>
        <p>{t('shell.appSubtitle')}</p>
      </header>
      <h2 className="family-login-title">{t('shell.login.title')}</h2>
      {error ? <div className="family-login-error" role="alert">{familyErrorText(t, (k) => i18n.exists(k), error)}</div> : null}
      <Form
        form={form}
        layout="vertical"
        mode="card"
        onFinish={(values: Credentials) => void onFinish(values)}
        footer={<Button block type="submit" color="primary" size="large" loading={submitting}>{t('shell.login.submit')}</Button>}
      >
        <Form.Item name="username" label={t('shell.login.username')} rules={[{ required: true, whitespace: true, message: t('shell.login.usernameRequired') }]}>
          <Input id="username" autoComplete="username" placeholder={t('shell.login.usernamePlaceholder')} clearable />
        </Form.Item>
        <Form.Item name="password" label={t('shell.login.password')} rules={[{ required: true, message: t('shell.login.passwordRequired') }]}>
          <Input id="password" type="password" autoComplete="current-password" placeholder={t('shell.login.passwordPlaceholder')} />
        </Form.Item>
      </Form>
      <p className="family-footnote">{t('shell.login.hint')}</p>
      <p className="family-footnote"><a href="/login">{t('shell.login.staffHint')}</a></p>
    </div>
  );
}
