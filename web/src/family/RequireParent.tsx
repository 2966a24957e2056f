import { useEffect, type ReactNode } from 'react';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { familyErrorText } from './family-error-text';
import { isParent, useFamilySession } from './family-session';
import { PageLoading } from './FamilyLayout';

/**
 * The family app is for parents: nobody signed in goes to /family/login (and back after), staff
 * go to the staff app (a full page load: it is another bundle). A teacher who is also a parent
 * stays: their children are here.
 */
export function RequireParent({ children }: { children: ReactNode }) {
  const { me, bootError, retry } = useFamilySession();
  const location = useLocation();
  const { t, i18n } = useTranslation();
  if (bootError) {
    return (
      <div className="family-boot-error" role="alert">
        <p>{familyErrorText(t, (k) => i18n.exists(k), bootError)}</p>
        <Button color="primary" onClick={retry}>{t('shell.retry')}</Button>
      </div>
    );
  }
  if (me === undefined) return <PageLoading />;
  if (me === null) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!isParent(me)) return <ToStaffApp />;
  return children;
}

function ToStaffApp() {
  useEffect(() => window.location.assign('/'), []);
  return <PageLoading />;
}
