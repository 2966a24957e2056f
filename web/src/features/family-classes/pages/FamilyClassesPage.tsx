import { useState } from 'react';
import { Badge, Card, Empty, Select, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { staffClasses } from '../api/family-classes.api';
import { CodesTab } from '../components/CodesTab';
import { RequestsTab } from '../components/RequestsTab';
import { RosterTab } from '../components/RosterTab';
import { StaffTab } from '../components/StaffTab';

/**
 * 班级家校 (/family-classes): a teacher's classes (a principal's whole school) and, for the class
 * picked, its parents' binding requests to confirm, its children with their guardians, its
 * invitation codes with the class QR code, and its staff (the principal assigns them).
 */
export default function FamilyClassesPage() {
  const { t } = useTranslation();
  const classes = useApi((signal) => staffClasses(signal), []);
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const items = classes.data?.items ?? [];
  const classId = picked ?? items[0]?.id;
  const current = items.find((c) => c.id === classId);

  return (
    <>
      <PageHeader
        title={t('familyClasses.title')}
        note={t('familyClasses.note')}
        extra={items.length ? (
          <Select
            showSearch optionFilterProp="label" style={{ minWidth: 260 }} value={classId} onChange={setPicked} data-testid="family-classes-class"
            options={items.map((c) => ({ value: c.id, label: `${c.schoolName} ${c.name}${c.pending ? ` · ${t('familyClasses.pendingCount', { count: c.pending })}` : ''}` }))}
          />
        ) : null}
      />
      {classes.error ? <ErrorAlert error={classes.error} onRetry={classes.reload} /> : null}
      {classes.data && !items.length ? <Empty description={t('familyClasses.noClasses')} /> : null}
      {current ? (
        <Card variant="borderless">
          <Tabs
            destroyOnHidden
            items={[
              {
                key: 'requests',
                label: <Badge count={current.pending} size="small" offset={[8, 0]}>{t('familyClasses.tabs.requests')}</Badge>,
                children: <RequestsTab key={current.id} classId={current.id} onChanged={classes.reload} />,
              },
              { key: 'roster', label: t('familyClasses.tabs.roster'), children: <RosterTab key={current.id} classId={current.id} /> },
              { key: 'codes', label: t('familyClasses.tabs.codes'), children: <CodesTab key={current.id} classId={current.id} className={current.name} /> },
              { key: 'staff', label: t('familyClasses.tabs.staff'), children: <StaffTab key={current.id} classId={current.id} onChanged={classes.reload} /> },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
