import { Flex, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { myClasses } from '../api/attendance.api';
import { FiguresCard } from '../components/FiguresCard';
import { GateImportCard } from '../components/GateImportCard';
import { LeaveApprovalCard } from '../components/LeaveApprovalCard';
import { RollCallCard } from '../components/RollCallCard';
import { SchoolSettingsCard } from '../components/SchoolSettingsCard';

/**
 * 考勤与请假 (/attendance): class staff take the morning roll, import the gate's file and answer
 * leave requests; the principal sets the school's times and gates; bureaus read the rates.
 */
export default function AttendancePage() {
  const { t } = useTranslation();
  const me = useMe();
  const staff = can(me, 'class:write');
  const classes = useApi(async (signal) => (staff ? myClasses(signal) : undefined), [staff]);
  const [picked, setPicked] = useState<number | null>(null);
  const classId = picked ?? classes.data?.items[0]?.id ?? null;

  const tabs = [
    ...(staff ? [
      { key: 'roll', label: t('attendance.rollCall'), children: classId ? <RollCallCard classId={classId} /> : <Typography.Text type="secondary">{t('attendance.noClass')}</Typography.Text> },
      { key: 'leave', label: t('attendance.leaveTitle'), children: classId ? <LeaveApprovalCard classId={classId} /> : null },
      { key: 'import', label: t('attendance.importTitle'), children: <GateImportCard /> },
      ...(classes.data?.ledSchoolIds ?? []).map((id) => ({ key: `school-${id}`, label: t('attendance.settingsTitle'), children: <SchoolSettingsCard schoolId={id} /> })),
    ] : []),
    ...(can(me, 'family:stats') ? [{ key: 'figures', label: t('attendance.figuresTitle'), children: <FiguresCard /> }] : []),
  ];

  return (
    <>
      <PageHeader title={t('attendance.title')} note={t('attendance.note')} extra={staff && (classes.data?.items.length ?? 0) > 1 ? (
        <Select style={{ minWidth: 200 }} value={classId ?? undefined} onChange={setPicked}
          options={classes.data!.items.map((c) => ({ value: c.id, label: `${c.schoolName} ${c.name}` }))} />
      ) : null} />
      {classes.error ? <ErrorAlert error={classes.error} onRetry={classes.reload} /> : null}
      <Flex vertical gap={16}>
        <Tabs items={tabs} />
      </Flex>
    </>
  );
}
