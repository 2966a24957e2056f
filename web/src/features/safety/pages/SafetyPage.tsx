import { Button, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { DrillsTab, HazardsTab, SafetyCheckTab } from '../components/SchoolTabs';
import { StatsTab } from '../components/StatsTab';

/**
 * 平安校园 (/safety). The school's principal and teachers check (the checklist, phone-sized),
 * rectify hazards and record drills; county and city staff and inspectors read the figures and
 * the hazards escalated to the county. The emergency notice to families is sent from /notices.
 */
export default function SafetyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const staffSchools = [...new Map(me.assignments
    .filter((a) => (a.role === 'principal' || a.role === 'teacher') && a.schoolId !== null)
    .map((a) => [a.schoolId!, a.scopeName ?? String(a.schoolId)])).entries()];
  const [schoolId, setSchoolId] = useState<number | undefined>(staffSchools[0]?.[0]);
  const school = staffSchools.length > 0;
  const tab = params.get('tab') ?? (school ? 'check' : 'stats');

  const items = school && schoolId
    ? [
        { key: 'check', label: t('safety.tabs.check'), children: <SafetyCheckTab schoolId={schoolId} /> },
        { key: 'hazards', label: t('safety.tabs.hazards'), children: <HazardsTab schoolId={schoolId} /> },
        { key: 'drills', label: t('safety.tabs.drills'), children: <DrillsTab schoolId={schoolId} /> },
      ]
    : [
        { key: 'stats', label: t('safety.tabs.stats'), children: <StatsTab /> },
        { key: 'escalated', label: t('safety.tabs.escalated'), children: <HazardsTab escalated /> },
        { key: 'hazards', label: t('safety.tabs.hazards'), children: <HazardsTab /> },
        { key: 'drills', label: t('safety.tabs.drills'), children: <DrillsTab /> },
      ];

  return (
    <>
      <PageHeader
        title={t('safety.title')} note={t('safety.note')}
        extra={can(me, 'notice:write') ? <Link to="/notices"><Button>{t('safety.noticeLink')}</Button></Link> : undefined}
      />
      {staffSchools.length > 1 ? (
        <Select value={schoolId} onChange={setSchoolId} style={{ minWidth: 200, marginBottom: 12 }} aria-label={t('safety.pickSchool')}
          options={staffSchools.map(([id, name]) => ({ value: id, label: name }))} />
      ) : null}
      {!school && !can(me, 'safety:read') ? <Typography.Text type="secondary">{t('safety.noSchool')}</Typography.Text> : null}
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} items={items} destroyOnHidden />
    </>
  );
}
