import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useErrorText } from '../../../api/error-text';
import { useAuth } from '../../../app/auth';
import { safeNext } from '../../../app/login-redirect';
import { login } from '../api/auth.api';
import { LanguageToggle } from '../../../app/components/LanguageToggle';
import { SunMark } from '../../../app/components/SunMark';
import './LoginPage.css';

interface Credentials {
  username: string;
  password: string;
}

/**
 * The sign-in page. Kept light on purpose (no menus, tables or charts): it is the first thing
 * a teacher on a slow rural connection downloads.
 */
export default function LoginPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { me, signedIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  async function onFinish(values: Credentials) {
    setSubmitting(true);
    setError(null);
    try {
      const person = await login(values.username.trim(), values.password);
      signedIn(person);
      navigate(next, { replace: true });
    } catch (reason) {
      setError(reason);
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  }

  return (
    <div className="login-page">
      <section className="login-brand">
        <div className="login-brand-inner">
          <SunMark size={56} />
          <h1>{t('app.name')}</h1>
          <p className="login-subtitle">{t('app.subtitle')}</p>
          <p className="login-slogan">{t('login.slogan')}</p>
        </div>
      </section>
      <section className="login-panel">
        <div className="login-lang">
          <LanguageToggle />
        </div>
        <div className="login-card">
          <div className="login-mobile-brand">
            <SunMark size={40} />
            <div>
              <div className="login-mobile-name">{t('app.name')}</div>
              <div className="login-mobile-subtitle">{t('app.subtitle')}</div>
            </div>
          </div>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 24 }}>
            {t('login.title')}
          </Typography.Title>
          {error ? (
            <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 20 }} role="alert" />
          ) : null}
          <Form<Credentials> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder={t('login.username')} />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder={t('login.password')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} style={{ marginTop: 8 }}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 13 }}>
            {t('login.hint')}
          </Typography.Paragraph>
        </div>
        <footer className="login-footer">{t('app.copyright')}</footer>
      </section>
    </div>
  );
}
