import { Suspense, useEffect, useState } from 'react';
import { Button, Card, CapsuleTabs, DotLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { CardBoundary } from '../../CardBoundary';
import { fetchChildren } from '../../family-api';
import { familyErrorText } from '../../family-error-text';
import { FAMILY_HOME_CARDS } from '../../family-pages';
import { useFamilyMe, useFamilySession } from '../../family-session';
import type { FamilyChildView } from '../../family-types';
import { lastHome, saveHome } from '../../home-cache';

type Loaded = { items: FamilyChildView[]; savedAt: string | null };

/**
 * 首页: the parent's children, one card each ("一年级(1)班 王小明", the school), a switcher when
 * there are several, and under the chosen child the cards of the other areas (notices,
 * attendance…), each in its own error boundary. Offline it shows what was last loaded.
 */
export default function HomePage() {
  const { t, i18n } = useTranslation();
  const me = useFamilyMe();
  const { markOffline } = useFamilySession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [params, setParams] = useSearchParams();

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    fetchChildren(controller.signal).then(({ items }) => {
      saveHome(me.id, items);
      markOffline(false);
      setLoaded({ items, savedAt: null });
    }, (reason: unknown) => {
      if (controller.signal.aborted) return;
      const kept = reason instanceof ApiError && reason.status === 0 ? lastHome(me.id) : null;
      if (kept) {
        markOffline(true);
        setLoaded({ items: kept.items, savedAt: kept.savedAt });
      } else setError(reason);
    });
    return () => controller.abort();
  }, [me.id, attempt, markOffline]);

  if (error) {
    return (
      <div className="family-page">
        <Card className="family-card">
          <p role="alert">{familyErrorText(t, (k) => i18n.exists(k), error)}</p>
          <Button color="primary" size="small" onClick={() => setAttempt((n) => n + 1)}>{t('shell.retry')}</Button>
        </Card>
      </div>
    );
  }
  if (!loaded) {
    return <div className="family-loading"><DotLoading color="primary" /><span>{t('shell.loading')}</span></div>;
  }

  const { items, savedAt } = loaded;
  const chosenId = Number(params.get('child'));
  const chosen = items.find((c) => c.id === chosenId) ?? items[0];
  return (
    <div className="family-page">
      <header className="family-hello">
        <h1>{t('shell.home.title')}</h1>
        <p>{t('shell.home.greeting', { name: me.name })}</p>
        {savedAt ? <p className="family-saved-at">{t('shell.savedAt', { time: new Date(savedAt).toLocaleString(i18n.language) })}</p> : null}
      </header>
      {!chosen ? <NoChild /> : (
        <>
          {items.length > 1 ? (
            <nav aria-label={t('shell.home.switcher')} className="family-switcher">
              <CapsuleTabs activeKey={String(chosen.id)} onChange={(key) => setParams({ child: key }, { replace: true })}>
                {items.map((c) => <CapsuleTabs.Tab key={String(c.id)} title={c.name} />)}
              </CapsuleTabs>
            </nav>
          ) : null}
          <ChildCard child={chosen} chosen />
          <section className="family-home-cards">
            {FAMILY_HOME_CARDS.slice().sort((a, b) => a.order - b.order).map((card) => (
              <CardBoundary key={`${card.key}-${chosen.id}`} fallback={<Card className="family-card family-card-failed">{t('shell.cardFailed')}</Card>}>
                <Suspense fallback={<Card className="family-card"><DotLoading color="primary" /></Card>}>
                  <card.element child={chosen} />
                </Suspense>
              </CardBoundary>
            ))}
          </section>
          {items.length > 1 ? (
            <section className="family-others" aria-label={t('shell.home.more')}>
              {items.filter((c) => c.id !== chosen.id).map((c) => (
                <Link key={c.id} to={`/?child=${c.id}`} replace className="family-other-link"><ChildCard child={c} /></Link>
              ))}
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

/** A child's card: "一年级(1)班 王小明" first, then the school (and the parent's relation). */
function ChildCard({ child, chosen = false }: { child: FamilyChildView; chosen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card className={`family-card family-child${chosen ? ' family-child-chosen' : ''}`} data-testid="child-card" data-child={child.id}>
      <div className="family-child-avatar" aria-hidden>{child.name.slice(-1)}</div>
      <div className="family-child-text">
        <div className="family-child-label">{child.label}</div>
        <div className="family-child-school">{child.schoolName}</div>
        {child.relation ? <div className="family-child-relation">{t('shell.home.relation', { name: child.name, relation: child.relation })}</div> : null}
      </div>
    </Card>
  );
}

/** A parent with no child bound yet: how to bind one, and the way to the binding page. */
function NoChild() {
  const { t } = useTranslation();
  return (
    <Card className="family-card family-empty" data-testid="no-child">
      <h2>{t('shell.home.emptyTitle')}</h2>
      <p>{t('shell.home.emptyBody')}</p>
      <Link className="adm-button adm-button-primary adm-button-block adm-button-shape-default family-button-link" to="/bind">
        {t('shell.home.emptyAction')}
      </Link>
    </Card>
  );
}
