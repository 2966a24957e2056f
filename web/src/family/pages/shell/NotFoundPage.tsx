import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A path under /family that no area serves (an area not installed yet, a mistyped link). */
export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="family-page family-not-found">
      <h1>{t('shell.notFound')}</h1>
      <Link to="/">{t('shell.backHome')}</Link>
    </div>
  );
}
