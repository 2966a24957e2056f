import { type ReactNode, useEffect } from 'react';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useErrorText } from '../api/error-text';
import { canAny, PAGE_ACCESS, type PageKey } from './access';
import { useAuth, useMe } from './auth';
import { FullPageSpin } from './components/FullPageSpin';
import { lazyPage } from './lazy-page';
import { isFamilyOnly, loginPath } from './login-redirect';

const ForbiddenPage = lazyPage(() => import('./status/ForbiddenPage'));

/** Renders its children for a signed-in person; otherwise sends them to /login and back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, bootError, retry } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (bootError) {
    // Not the antd Result: its illustrations would weigh on the login page's budget.
    return (
      <Flex justify="center" style={{ padding: '15vh 16px' }}>
        <Alert
          type="warning"
          showIcon
          title={t('common.loadFailed')}
          description={errorText(bootError)}
          action={<Button type="primary" onClick={retry}>{t('common.retry')}</Button>}
          style={{ maxWidth: 520, width: '100%' }}
        />
      </Flex>
    );
  }
  if (me === undefined) return <FullPageSpin />;
  if (me === null) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (isFamilyOnly(me)) return <FamilyRedirect />;
  return children;
}

/** A parent signed in through the staff login (or a staff link): off to the family app, a full page load. */
function FamilyRedirect() {
  useEffect(() => window.location.assign('/family'), []);
  return <FullPageSpin />;
}

/** Renders the page when the person's roles open it (see PAGE_ACCESS), else the 403 page. */
export function RequirePage({ page, children }: { page: PageKey; children: ReactNode }) {
  const me = useMe();
  return canAny(me, PAGE_ACCESS[page]) ? children : <ForbiddenPage />;
}
