import { useState, type FormEvent } from 'react';
import { useBindingText } from './use-binding-text';
import { Link, useSearchParams } from 'react-router';
import { BINDING_RELATIONS, type BindingMyRequest } from '@shared/family-binding-api-types';
import { failureText, redeemCode } from './binding.api';
import './binding.css';

type Relation = (typeof BINDING_RELATIONS)[number];

/**
 * 绑定孩子 (/family/bind?code=…): the class's code (from the QR code's address or typed), the
 * child's name, the last four digits of the student number and the relation; after sending,
 * "待老师确认" until the class's teacher confirms.
 */
export default function BindPage() {
  const t = useBindingText();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [childName, setChildName] = useState('');
  const [digits, setDigits] = useState('');
  const [relation, setRelation] = useState<Relation | null>(null);
  const [relationText, setRelationText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<BindingMyRequest | null>(null);

  const ready = code.trim().length >= 4 && childName.trim() && /^\d{4}$/.test(digits) && relation && (relation !== '其他' || relationText.trim());

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ready || !relation) return;
    setBusy(true);
    setError(null);
    try {
      setSent(await redeemCode({
        code: code.trim(), childName: childName.trim(), studentNoLast4: digits, relation,
        ...(relation === '其他' ? { relationText: relationText.trim() } : {}),
      }));
    } catch (err) {
      setError(failureText(err, t('networkError')));
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <div className="fb-page" data-testid="binding-sent">
        <div className="fb-result">
          <div className="fb-result-icon">⏳</div>
          <div className="fb-title">{t('bind.pending')}</div>
          <p className="fb-note">{t('bind.pendingNote', { label: sent.label, school: sent.schoolName })}</p>
        </div>
        <Link className="fb-button fb-ghost" to="/children" style={{ textAlign: 'center', textDecoration: 'none' }}>{t('bind.toChildren')}</Link>
      </div>
    );
  }

  return (
    <form className="fb-page" onSubmit={submit} data-testid="binding-form">
      <div className="fb-title">{t('bind.title')}</div>
      <p className="fb-note">{t('bind.note')}</p>
      <div className="fb-card">
        <div className="fb-field">
          <label htmlFor="fb-code">{t('bind.code')}</label>
          <input id="fb-code" value={code} maxLength={16} autoCapitalize="characters" autoComplete="off" placeholder={t('bind.codePlaceholder')}
            onChange={(e) => setCode(e.target.value.toUpperCase())} />
        </div>
        <div className="fb-field">
          <label htmlFor="fb-name">{t('bind.childName')}</label>
          <input id="fb-name" value={childName} maxLength={20} autoComplete="off" placeholder={t('bind.childNamePlaceholder')} onChange={(e) => setChildName(e.target.value)} />
        </div>
        <div className="fb-field">
          <label htmlFor="fb-digits">{t('bind.digits')}</label>
          <input id="fb-digits" value={digits} inputMode="numeric" maxLength={4} autoComplete="off" placeholder="0000"
            onChange={(e) => setDigits(e.target.value.replace(/\D/g, '').slice(0, 4))} />
          <span className="fb-hint">{t('bind.digitsHint')}</span>
        </div>
        <div className="fb-field">
          <label>{t('bind.relation')}</label>
          <div className="fb-chips" role="group">
            {BINDING_RELATIONS.map((r) => (
              <button type="button" key={r} className="fb-chip" aria-pressed={relation === r} onClick={() => setRelation(r)}>
                {t(`relations.${r}`)}
              </button>
            ))}
          </div>
          {relation === '其他' ? (
            <input value={relationText} maxLength={10} placeholder={t('bind.relationText')} onChange={(e) => setRelationText(e.target.value)} aria-label={t('bind.relationText')} />
          ) : null}
        </div>
      </div>
      {error ? <div className="fb-error" role="alert">{error}</div> : null}
      <button className="fb-button" type="submit" disabled={!ready || busy}>{busy ? t('sending') : t('bind.submit')}</button>
    </form>
  );
}
