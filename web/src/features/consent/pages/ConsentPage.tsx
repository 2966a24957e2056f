import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { myConsents } from '../api/consent.api';
import { ChildConsentCard } from '../components/ChildConsentCard';
import { ClassConsentsCard } from '../components/ClassConsentsCard';

/**
 * 出镜授权 (/consent): a guardian sets each child's consent; the school's principal and teachers
 * see a class's levels, and the principal records paper forms.
 */
export default function ConsentPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isGuardian = me.assignments.some((a) => a.role === 'parent');
  const staffSchools = [...new Set(me.assignments.filter((a) => (a.role === 'principal' || a.role === 'teacher') && a.schoolId !== null).map((a) => a.schoolId!))];
  const principalOf = new Set(me.assignments.filter((a) => a.role === 'principal').map((a) => a.schoolId));
  const mine = useApi(async (signal) => (isGuardian ? myConsents(signal) : undefined), [isGuardian]);

  return (
    <>
      <PageHeader title={t('consent.title')} note={t('consent.note')} />
      <Flex vertical gap={16}>
        {isGuardian ? (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('consent.myChildren')}</Typography.Title>
            {mine.error ? <ErrorAlert error={mine.error} onRetry={mine.reload} /> : null}
            {mine.data && mine.data.items.length === 0 ? <Typography.Text type="secondary">{t('consent.noChildren')}</Typography.Text> : null}
            {mine.data?.items.map((child) => <ChildConsentCard key={child.studentId} child={child} />)}
          </>
        ) : null}
        {staffSchools.map((schoolId) => (
          <ClassConsentsCard key={schoolId} schoolId={schoolId} canRecord={principalOf.has(schoolId) && can(me, 'consent:write')} />
        ))}
        {!isGuardian && staffSchools.length === 0 ? <Typography.Text type="secondary">{t('consent.noSchool')}</Typography.Text> : null}
      </Flex>
    </>
  );
}
