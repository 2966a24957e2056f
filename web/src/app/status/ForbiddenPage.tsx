import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** 403: the person is signed in but none of their roles opens this page. */
export default function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('status.forbiddenTitle')}
      subTitle={t('status.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('status.backHome')}</Button>
        </Link>
      }
    />
  );
}
