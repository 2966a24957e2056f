import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { BindingMine, BindingMyChild } from '@shared/family-binding-api-types';
import { failureText, myBindings, unbindChild } from './binding.api';
import { useBindingText } from './use-binding-text';
import './binding.css';

/**
 * 我的孩子 (/family/children): the parent's children, each labelled "一年级(1)班 王小明" with its
 * school (a family may have children in several schools), the binding requests and their state,
 * and unbinding (after a confirm dialog) of the parent's own guardianship.
 */
export default function ChildrenPage() {
  const t = useBindingText();
  const [data, setData] = useState<BindingMine | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unbinding, setUnbinding] = useState<BindingMyChild | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      setData(await myBindings(signal));
      setError(null);
    } catch (err) {
      if (!signal?.aborted) setError(failureText(err, t('networkError')));
    }
    // t is a fresh closure each render; the texts do not change what is loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  async function confirmUnbind() {
    if (!unbinding) return;
    setBusy(true);
    try {
      await unbindChild(unbinding.studentId);
      setUnbinding(null);
      await load();
    } catch (err) {
      setError(failureText(err, t('networkError')));
      setUnbinding(null);
    } finally {
      setBusy(false);
    }
  }

  const requests = (data?.requests ?? []).filter((r) => r.status !== 'confirmed');
  return (
    <div className="fb-page" data-testid="binding-children">
      <div className="fb-title">{t('children.title')}</div>
      {error ? <div className="fb-error" role="alert">{error}</div> : null}
      {data && data.children.length === 0 ? <p className="fb-note">{t('children.none')}</p> : null}
      {data && data.children.length > 0 ? (
        <div className="fb-card">
          {data.children.map((c) => (
            <div className="fb-item" key={c.studentId} data-testid={`binding-child-${c.studentId}`}>
              <div className="fb-item-main">
                <span>{c.label}</span>
                <span className="fb-item-sub">{c.schoolName} · {c.relation}</span>
              </div>
              <button type="button" className="fb-link fb-danger-text" onClick={() => setUnbinding(c)}>{t('children.unbind')}</button>
            </div>
          ))}
        </div>
      ) : null}
      {requests.length > 0 ? (
        <>
          <div className="fb-title" style={{ fontSize: 16 }}>{t('children.requests')}</div>
          <div className="fb-card">
            {requests.map((r) => (
              <div className="fb-item" key={r.id}>
                <div className="fb-item-main">
                  <span>{r.label}</span>
                  <span className="fb-item-sub">{r.schoolName} · {r.relation}{r.reason ? ` · ${r.reason}` : ''}</span>
                </div>
                <span className={`fb-tag fb-tag-${r.status}`}>{t(`status.${r.status}`)}</span>
              </div>
            ))}
          </div>
        </>
      ) : null}
      <Link className="fb-button" to="/bind" style={{ textAlign: 'center', textDecoration: 'none' }}>{t('children.add')}</Link>
      {unbinding ? (
        <div className="fb-mask" role="dialog" aria-modal="true">
          <div className="fb-dialog">
            <p>{t('children.unbindConfirm', { label: unbinding.label })}</p>
            <div className="fb-dialog-actions">
              <button type="button" className="fb-button fb-ghost" onClick={() => setUnbinding(null)}>{t('cancel')}</button>
              <button type="button" className="fb-button fb-danger" disabled={busy} onClick={confirmUnbind} data-testid="binding-unbind-ok">{t('children.unbindOk')}</button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
