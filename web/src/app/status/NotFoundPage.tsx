import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** 404 for a path no route knows. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('status.notFoundTitle')}
      subTitle={t('status.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('status.backHome')}</Button>
        </Link>
      }
    />
  );
}
