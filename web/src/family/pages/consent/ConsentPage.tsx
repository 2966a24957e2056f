import { useEffect, useState } from 'react';
import { Button, Card, DotLoading, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { MyConsents } from '@shared/consent-api-types';
import { CONSENT_LEVELS, type ConsentLevel } from '@shared/resources';
import { myConsents, setConsent } from '../../../features/consent/api/consent.api';
import { familyErrorText } from '../../family-error-text';
import { useText } from '../../use-text';

type Child = MyConsents['items'][number];

/**
 * 出镜授权 in the family app: a guardian sets whether each child may appear in lesson videos shown
 * beyond the school (the staff app's /consent page, which parents no longer open).
 */
export default function ConsentPage() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Child[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    myConsents(controller.signal).then((r) => setItems(r.items), (reason: unknown) => {
      if (!controller.signal.aborted) setError(reason);
    });
    return () => controller.abort();
  }, []);

  return (
    <div className="family-page">
      <header className="family-hello">
        <h1>{t('childConsent.title')}</h1>
        <p>{t('childConsent.note')}</p>
      </header>
      {error ? <Card className="family-card"><p role="alert">{familyErrorText(t, (k) => i18n.exists(k), error)}</p></Card> : null}
      {!items && !error ? <div className="family-loading"><DotLoading color="primary" /></div> : null}
      {items?.length === 0 ? <Card className="family-card">{t('shell.home.emptyBody')}</Card> : null}
      {items?.map((child) => <ChildConsent key={child.studentId} child={child} />)}
    </div>
  );
}

function ChildConsent({ child }: { child: Child }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const [level, setLevel] = useState<ConsentLevel>(child.level);
  const [saved, setSaved] = useState<ConsentLevel>(child.level);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      await setConsent(child.studentId, level);
      setSaved(level);
    } catch (reason) {
      setError(reason);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card className="family-card" title={`${child.className} ${child.name}`}>
      <Selector
        columns={2}
        value={[level]}
        onChange={(value) => { if (value[0]) setLevel(value[0]); }}
        options={CONSENT_LEVELS.map((l) => ({ label: text(`childConsent.levels.${l}`), value: l }))}
      />
      <p className="family-consent-help">{text(`childConsent.help.${level}`)}</p>
      {error ? <p role="alert" className="family-login-error">{familyErrorText(t, (k) => i18n.exists(k), error)}</p> : null}
      <Button block color="primary" disabled={level === saved} loading={saving} onClick={() => void save()}>
        {level === saved ? t('childConsent.current', { level: text(`childConsent.levels.${saved}`) }) : t('childConsent.save')}
      </Button>
    </Card>
  );
}
